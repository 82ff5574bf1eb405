"""Event coreference: one entry per happening, within and across articles.

Two reports merge when they tell one happening: dates that are the same
interval (or a coarse one holding a finer one, :mod:`.precisions`), triggers
that are the same or related (``events/data/related_lemmas.txt``), shared
participants ("Xi" matches "Xi Jinping": the words of one name within the
other's), the cues of their sentences (:mod:`.mention_cues`) and the TF-IDF
cosine of their headlines and sentences (:mod:`.vectors`), by the rules of
:mod:`.rules`; statements ("said", ``events/data/unmerged_lemmas.txt``) merge
only when told in near-identical words.  Reports are bucketed by date and
joined in disjoint sets (:mod:`.merge`), so the cost stays near-linear in the
number of events.
"""
