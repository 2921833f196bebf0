"""Analytics stage: what the stored record means, measured against references outside the articles.

It reads the store and never the articles' text: `corroboration` judges a fact against a reference
(UN peacekeeping contributions in `peacekeeping`, the catalog's member lists), and `stored` keeps
those judgements in the store. Later work (the multi-vector measures) belongs here too.
"""
