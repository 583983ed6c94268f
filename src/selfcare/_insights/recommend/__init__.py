"""The recommender: scoring, ranking and explaining strategies for one person at one instant."""
