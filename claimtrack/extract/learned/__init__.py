"""The learned parts of the extractor: two CRFs (the span refiner, refine.py, and the detector,
detect.py, decoded by crf.py), their model files (*.crfsuite, refine_vocab.txt) and what makes
them: the PolNeAR reader (corpus.py), the scorer that pairs claims with gold relations
(score.py), the trainers (train.py, and lexicon.py for the rules' cue lexicon in
extract/data/). ``make train-models`` runs lexicon then train; docs/model-card.md describes
the models.
"""
