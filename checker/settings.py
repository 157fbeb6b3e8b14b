"""Every threshold of alignment, scoring and verdicts, one name each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """The thresholds a run uses; `.claimcheck.toml` and flags override the defaults.

    Probabilities are the learned scorer's P(the two figures state the same fact).
    """

    # Alignment: how many of the most similar sentences of the other documents are searched for
    # a figure's restatement, and how many sentences a term proposes at most (a more common
    # term proposes those nearest the figure's own, in the order the documents came).
    candidate_sentences: int = 8
    max_postings: int = 64
    # ... and of a candidate sentence with more figures of the block than this, only this many
    # nearest the figure's own place in its sentence (a draft figure's siblings in its own
    # sentence are bounded the same way).
    figures_per_sentence: int = 8
    # Verdicts: a restatement must be at least this likely to support a figure, and a conflict
    # more likely still (precision first).
    support: float = 0.4
    conflict: float = 0.8
    # ... or this, for a figure no source states anywhere: no figure of its block agrees with it,
    # nor, for a bare count, the number of a figure with a unit ("four" of "four years"). The
    # only way such a figure is right is a wording the alignment does not see. It takes a
    # statement whose sentence, or the clause around its figure, is at least
    # `unstated_similarity` like the figure's own (a lone source about another event is likely
    # only for want of rivals).
    conflict_unstated: float = 0.6
    unstated_similarity: float = 0.15
    # ... or this, where such a figure is near the statement's (`checker.features.near`: plain
    # counts, amounts, percentages or quantities of one measure within `near_ratio`): a figure
    # no source states, close to the one its statement gives, is that one misstated, as
    # check's near conflicts are (`link_conflict_near`).
    conflict_unstated_near: float = 0.5
    # ... or this, for such a figure left over by its sentence's other figures, each of which
    # has taken its own statement: the one source figure left to it is its statement
    # (`checker.verdict._left_over`).
    conflict_left_over: float = 0.1
    # ... or this, where such a near figure's own clause (between the punctuation around it) is
    # at least `unstated_similarity` like the statement's: a long draft sentence that packs
    # several facts is little like the source sentence of any one of them, and its clause says
    # which.
    conflict_clause_near: float = 0.4
    # The cross-source check links two figures that are each other's most likely restatement
    # in their documents when they are at least this likely the same fact (agreeing figures),
    # or this (figures that cannot both be true: a conflict).
    link: float = 0.25
    link_conflict: float = 0.9
    # ... or this, for near figures: two plain counts, amounts, percentages or quantities of
    # one measure within `near_ratio` of each other (see checker.features.near).
    link_conflict_near: float = 0.5
    near_ratio: float = 3.0
    # ... or this, for two plain figures of one precise value (a count, amount, percentage or
    # quantity of three significant digits or more: 158 and 158) that retrieval proposed: two
    # facts of one story rarely share such a figure, and the scorer is blind to values.
    link_alike: float = 0.0
    # A figure of the sources that agrees with the draft's and is at least this likely its
    # restatement keeps the draft's figure from being called contradicted.
    rival: float = 0.2
    # Extra relative tolerance for "about" figures (config key `tolerance`).
    tolerance: float = 0.0
    # An open bound ("at least 129") vouches only for figures up to this multiple of it.
    open_bound_reach: float = 1.5
