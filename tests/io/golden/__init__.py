"""Golden documents of every serializable type, and the values they hold.

Each ``v<N>/`` folder holds the documents version ``N`` of the format wrote. A file, once
checked in, is never edited: when the format changes, add a folder for the new version,
a migration in ``selfcare.serialize``, and keep every older file loading.
"""
