"""TF-IDF vectors of merge candidates: their headlines and their sentences,
as rows whose dot products are cosines.  The weights are learnt from the
candidates compared, or from word frequencies summed over a whole corpus
(a distributed run learns them from its parts)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from timeline.coreference.candidates import MergeCandidate

__all__ = ["WordFrequencies", "word_frequencies", "word_vectors"]

# words of two letters or more, no digits: the numbers of dates would make
# every sentence about one day look alike
_WORD_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"


@dataclass(frozen=True, slots=True)
class WordFrequencies:
    """What the TF-IDF weights are learnt from: how many candidates, and in
    how many of them each word occurs (headlines, sentences).  Sums of the
    parts of a corpus give the weights of the whole."""

    count: int
    titles: dict[str, int]
    sentences: dict[str, int]

    def __add__(self, other: "WordFrequencies") -> "WordFrequencies":
        return WordFrequencies(self.count + other.count, _summed(self.titles, other.titles),
                               _summed(self.sentences, other.sentences))


def word_frequencies(candidates: Sequence[MergeCandidate]) -> WordFrequencies:
    analyze = _vectorizer().build_analyzer()
    titles: dict[str, int] = defaultdict(int)
    sentences: dict[str, int] = defaultdict(int)
    for title, sentence in zip(*_texts(candidates)):
        for word in set(analyze(title)):
            titles[word] += 1
        for word in set(analyze(sentence)):
            sentences[word] += 1
    return WordFrequencies(len(candidates), dict(titles), dict(sentences))


def word_vectors(candidates: Sequence[MergeCandidate], frequencies: WordFrequencies | None = None) -> tuple[Any, Any]:
    """TF-IDF rows (L2-normalised, sparse) of the candidates' headlines and of
    their sentences: their dot products are cosines.  ``frequencies``: the
    weights learnt from more candidates than these (the whole corpus, of
    which these are a part), else from these."""
    from scipy.sparse import csr_matrix

    titles, sentences = _texts(candidates)
    if frequencies is None:
        def rows(texts: list[str]) -> Any:
            try:
                return _vectorizer().fit_transform(texts)
            except ValueError:  # nothing but stop words
                return csr_matrix((len(texts), 1))

        return rows(titles), rows(sentences)
    return (_weighted_rows(titles, frequencies.titles, frequencies.count),
            _weighted_rows(sentences, frequencies.sentences, frequencies.count))


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_WORD_PATTERN)


def _texts(candidates: Sequence[MergeCandidate]) -> tuple[list[str], list[str]]:
    return ([c.entry.title for c in candidates],
            [" ".join(dict.fromkeys(s.sentence.text for s in c.entry.sources)) for c in candidates])


def _weighted_rows(texts: list[str], frequency: dict[str, int], count: int) -> Any:
    """The rows TfidfVectorizer fitted on the whole corpus gives these texts
    (same vocabulary order, same smoothed idf, same arithmetic)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    if not frequency or not texts:
        return csr_matrix((len(texts), max(1, len(frequency))))
    words = sorted(frequency)
    counts = CountVectorizer(stop_words="english", token_pattern=_WORD_PATTERN,
                             vocabulary={w: i for i, w in enumerate(words)}).transform(texts)
    rows = csr_matrix(counts, dtype=np.float64)
    idf = np.full(len(words), count + 1, dtype=np.float64)
    idf /= np.array([frequency[w] for w in words], dtype=np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    np.log(rows.data, rows.data)
    rows.data += 1.0
    rows.data *= idf[rows.indices]
    return normalize(rows, norm="l2", copy=False)


def _summed(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for word, n in b.items():
        out[word] = out.get(word, 0) + n
    return out
