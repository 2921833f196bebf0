"""Analytics stage: what the stored record says in aggregate and how it holds against references.

It reads the store and never the articles' text: `engagement` and `balance` measure the multi-vector
policy; `corroboration` judges a fact against a reference (UN peacekeeping contributions in
`peacekeeping`, the catalog's member lists), and `stored` keeps those judgements in the store.
"""
