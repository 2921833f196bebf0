"""Kazakh named-entity recognition: a CRF trained by `kopvector train ner` and shipped in model/."""
