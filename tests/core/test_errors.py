"""Specification of the errors selfcare raises."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import copy
import pickle

import pytest

import selfcare
from selfcare import InfeasiblePlanError, SelfCareError, UnknownIdError, ValidationError
from selfcare import errors as errors_module


def test_validation_error_is_a_self_care_error_and_a_value_error() -> None:
    """Code that knows nothing of selfcare can catch a ValidationError as a ValueError."""
    err = ValidationError.single("minutes", "expected an integer from 1 to 1440")
    assert isinstance(err, SelfCareError)
    assert isinstance(err, ValueError)


def test_validation_error_single_holds_one_problem() -> None:
    """ValidationError.single builds an error with one (path, message) problem."""
    err = ValidationError.single("mood", "expected an integer from 0 to 10")
    assert (("mood", "expected an integer from 0 to 10"),) == err.problems


def test_validation_error_message_names_the_field() -> None:
    """The message of a single problem reads 'path: message'."""
    err = ValidationError.single("minutes", "expected an integer from 1 to 1440")
    assert "minutes: expected an integer from 1 to 1440" == str(err)


def test_validation_error_joins_several_problems() -> None:
    """Several problems are kept in order and joined with '; ' in the message."""
    err = ValidationError([("a", "expected x"), ("$.items[3].minutes", "expected y")])
    assert (("a", "expected x"), ("$.items[3].minutes", "expected y")) == err.problems
    assert "a: expected x; $.items[3].minutes: expected y" == str(err)


def test_validation_error_accepts_any_iterable_of_problems() -> None:
    """Problems may come from a generator; they are stored as a tuple."""
    err = ValidationError(p for p in [("a", "expected x")])
    assert (("a", "expected x"),) == err.problems


def test_unknown_id_error_is_a_lookup_error() -> None:
    """An unknown id is a SelfCareError and a LookupError."""
    err = UnknownIdError("strategy", "short-wlak", ["short-walk"])
    assert isinstance(err, SelfCareError)
    assert isinstance(err, LookupError)


def test_unknown_id_error_keeps_what_was_asked() -> None:
    """UnknownIdError records the kind, the id and the suggestions as a tuple."""
    err = UnknownIdError("ritual", "between-session", iter(["between-sessions"]))
    assert "ritual" == err.kind
    assert "between-session" == err.id
    assert ("between-sessions",) == err.suggestions


def test_unknown_id_error_message_suggests_close_ids() -> None:
    """The message names the id and asks 'did you mean' with the suggestions."""
    err = UnknownIdError("strategy", "short-wlak", ["short-walk", "long-walk"])
    expected = (
        "no strategy with id 'short-wlak' in this catalog; did you mean 'short-walk', 'long-walk'?"
    )
    assert expected == str(err)


def test_unknown_id_error_message_without_suggestions_says_how_to_look() -> None:
    """With nothing close, the message says to list the catalog's ids."""
    err = UnknownIdError("prompt", "zzz")
    expected = (
        "no prompt with id 'zzz' in this catalog; list the catalog's ids to see what it holds"
    )
    assert expected == str(err)
    assert () == err.suggestions


def test_infeasible_plan_error_names_the_constraint() -> None:
    """InfeasiblePlanError keeps the blocking constraint and leads its message with it."""
    err = InfeasiblePlanError("daily_minutes", "no day has 5 free minutes")
    assert "daily_minutes" == err.constraint
    assert "daily_minutes: no day has 5 free minutes" == str(err)
    assert isinstance(err, SelfCareError)
    assert isinstance(err, ValueError)


def test_errors_are_exported_from_the_package_root() -> None:
    """The package root re-exports the same error classes as selfcare.errors."""
    assert errors_module.ValidationError is selfcare.ValidationError
    assert errors_module.UnknownIdError is selfcare.UnknownIdError
    assert errors_module.InfeasiblePlanError is selfcare.InfeasiblePlanError
    assert errors_module.SelfCareError is selfcare.SelfCareError


def test_errors_module_all_is_sorted() -> None:
    """selfcare.errors.__all__ is sorted and names only things that exist."""
    assert sorted(errors_module.__all__) == errors_module.__all__
    assert all(hasattr(errors_module, name) for name in errors_module.__all__)


ERRORS = [
    pytest.param(
        ValidationError([("minutes", "expected an integer from 1 to 1440")]), id="ValidationError"
    ),
    pytest.param(UnknownIdError("strategy", "short-wlak", ["short-walk"]), id="UnknownIdError"),
    pytest.param(InfeasiblePlanError("daily_minutes", "no room"), id="InfeasiblePlanError"),
]


@pytest.mark.parametrize("err", ERRORS)
def test_errors_survive_pickling(err: SelfCareError) -> None:
    """Errors cross process boundaries (multiprocessing, concurrent.futures) intact."""
    restored = pickle.loads(pickle.dumps(err))
    assert type(err) is type(restored)
    assert str(err) == str(restored)
    assert vars(err) == vars(restored)


@pytest.mark.parametrize("err", ERRORS)
def test_errors_can_be_copied(err: SelfCareError) -> None:
    """copy.copy of an error keeps its message and attributes."""
    copied = copy.copy(err)
    assert str(err) == str(copied)
    assert vars(err) == vars(copied)
