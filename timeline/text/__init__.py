"""Text utilities shared by the stages (sentence segmentation)."""
