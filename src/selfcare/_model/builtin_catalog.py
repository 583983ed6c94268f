"""The built-in catalog: the seed's strategies, rituals and reflection prompts.

Everything the seed text names is here, described in this project's own words:

* the therapist's professional self-care (supervision, personal therapy, clinical
  journaling, boundaries with clients, and the rest and mindfulness that prevent burnout);
* the client's self-care in five areas (emotional, physical, mental & cognitive,
  practical and the opt-in spiritual area), most of which suit therapists as well;
* the three examples of putting self-care into practice: a transition ritual between
  sessions, a daily reflective practice and blocked non-client time, with the small
  strategies their steps need;
* reflection prompts for every area, for the daily reflection and for check-ins.

The data is plain module-level values, so a reader can review it like a table.
Ids are stable: plans, reflections and apps refer to them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from selfcare._core import checks as check
from selfcare._model.catalog import Catalog, Prompt
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.rituals import Anchor, Ritual, RitualStep
from selfcare._model.strategies import Cadence, Strategy, StrategyKind, Unit
from selfcare._time.calendar import TimeOfDay, Weekday
from selfcare._time.recurrence import Recurrence

__all__ = ["default_catalog"]

_THERAPIST = frozenset({Role.THERAPIST})
_CLIENT = frozenset({Role.CLIENT})
_BOTH = frozenset({Role.THERAPIST, Role.CLIENT})

# The therapist's professional self-care, and the rest and mindfulness the seed names as
# the way to prevent burnout.
_FOR_THERAPISTS = (
    Strategy(
        id="peer-supervision",
        name="Supervision or peer consultation",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=60,
        effort=Effort.MEDIUM,
        benefits={Benefit.PREVENTS_BURNOUT, Benefit.ETHICAL_PRACTICE, Benefit.LONGEVITY},
        tags={"supervision", "social", "work", "support"},
        description=(
            "Meet a supervisor or a group of colleagues on a steady schedule to talk through "
            "hard cases, check your judgement and share the weight of the work."
        ),
        kind=StrategyKind.APPOINTMENT,
        cadence=Cadence.FORTNIGHTLY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON},
    ),
    Strategy(
        id="personal-therapy",
        name="Personal therapy or counselling",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=50,
        effort=Effort.HIGH,
        benefits={
            Benefit.PREVENTS_BURNOUT,
            Benefit.PRESENCE,
            Benefit.MODELS_HEALTHY_BEHAVIOUR,
            Benefit.TRUST,
        },
        tags={"therapy", "support", "emotions"},
        description=(
            "See a therapist of your own, so your reactions to clients and the strain of "
            "the job have a place to go that is not your caseload or your home."
        ),
        kind=StrategyKind.APPOINTMENT,
        cadence=Cadence.FORTNIGHTLY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
    Strategy(
        id="clinical-journaling",
        name="Confidential clinical journal",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=15,
        effort=Effort.LOW,
        benefits={Benefit.PRESENCE, Benefit.ETHICAL_PRACTICE, Benefit.PREVENTS_BURNOUT},
        tags={"writing", "reflection", "confidentiality", "work"},
        description=(
            "Write about what your sessions stirred in you and what you learned, leaving out "
            "names and any detail that could identify a client."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=3,
        times_of_day={TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
    Strategy(
        id="client-boundaries",
        name="Boundaries with clients",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=10,
        effort=Effort.MEDIUM,
        benefits={
            Benefit.ETHICAL_PRACTICE,
            Benefit.LONGEVITY,
            Benefit.MODELS_HEALTHY_BEHAVIOUR,
            Benefit.NORMALISES_LIMITS,
        },
        tags={"boundaries", "work", "screen"},
        description=(
            "Decide when you can be reached and say so plainly, for example by leaving client "
            "messages unanswered until your next working day."
        ),
        kind=StrategyKind.COMMITMENT,
        cadence=Cadence.DAILY,
    ),
    Strategy(
        id="rest-and-recovery",
        name="Rest and recovery away from work",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=120,
        effort=Effort.LOW,
        benefits={Benefit.PREVENTS_BURNOUT, Benefit.LONGEVITY, Benefit.NORMALISES_LIMITS},
        tags={"rest", "boundaries", "leisure"},
        description=(
            "Protect stretches of time with no clinical thinking at all, from a free evening "
            "to planned days off, so the strain of the work can drain away."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.WEEKLY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON},
    ),
    Strategy(
        id="therapist-mindfulness",
        name="Mindful reset for therapists",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=10,
        effort=Effort.LOW,
        benefits={Benefit.PRESENCE, Benefit.PREVENTS_BURNOUT, Benefit.ETHICAL_PRACTICE},
        tags={"mindfulness", "breathing", "calm", "work"},
        description=(
            "Take a few quiet minutes to notice your breath, body and mood before or after "
            "clinical work, so you arrive attentive and leave what is not yours behind."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=5,
        times_of_day={TimeOfDay.MORNING},
    ),
)

_EMOTIONAL = (
    Strategy(
        id="expressing-emotions",
        name="Naming and expressing feelings",
        category=Category.EMOTIONAL,
        roles=_BOTH,
        minutes=20,
        effort=Effort.MEDIUM,
        benefits={Benefit.COPING_SKILLS, Benefit.RECOVERY, Benefit.THERAPY_OUTCOMES},
        tags={"writing", "creative", "creativity", "art", "emotions"},
        description=(
            "Put what you feel into words or images, in a notebook, a sketch or any creative "
            "form, so feelings get noticed and named instead of bottled up."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=2,
        times_of_day={TimeOfDay.EVENING},
    ),
    Strategy(
        id="mindfulness-meditation",
        name="Mindfulness, meditation or grounding",
        category=Category.EMOTIONAL,
        roles=_BOTH,
        minutes=10,
        effort=Effort.LOW,
        benefits={Benefit.COPING_SKILLS, Benefit.RECOVERY, Benefit.PRESENCE},
        tags={"mindfulness", "meditation", "grounding", "calm"},
        description=(
            "Sit or stand still and bring your attention to the present moment, for example "
            "by naming five things you can see and four you can hear."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.EVENING},
        unit=Unit.MINUTES,
        target=10,
    ),
    Strategy(
        id="relationship-boundaries",
        name="Boundaries in relationships",
        category=Category.EMOTIONAL,
        roles=_BOTH,
        minutes=15,
        effort=Effort.HIGH,
        benefits={
            Benefit.RESILIENCE,
            Benefit.PERSONAL_RESPONSIBILITY,
            Benefit.NORMALISES_LIMITS,
        },
        tags={"boundaries", "relationships", "family", "social"},
        description=(
            "Work out what you will and will not take on with the people around you, and "
            "practise saying it kindly and clearly."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=1,
        times_of_day={TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
    Strategy(
        id="social-support",
        name="Reaching out to people you trust",
        category=Category.EMOTIONAL,
        roles=_BOTH,
        minutes=30,
        effort=Effort.MEDIUM,
        benefits={Benefit.RESILIENCE, Benefit.RECOVERY, Benefit.TRUST},
        tags={"social", "family", "friends", "connection", "support"},
        description=(
            "Call, message or meet a friend, relative or group who makes you feel safe, "
            "and let them know how you are really doing."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=2,
        times_of_day={TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
)

_PHYSICAL = (
    Strategy(
        id="consistent-sleep",
        name="Regular sleep",
        category=Category.PHYSICAL,
        roles=_BOTH,
        minutes=30,
        effort=Effort.MEDIUM,
        benefits={Benefit.RESILIENCE, Benefit.RECOVERY, Benefit.PREVENTS_BURNOUT},
        tags={"sleep", "rest", "routine", "body"},
        description=(
            "Go to bed and get up at about the same times every day, with a screen-free "
            "half hour to wind down first."
        ),
        kind=StrategyKind.COMMITMENT,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.NIGHT},
        at=dt.time(22, 30),
    ),
    Strategy(
        id="nutritious-meals",
        name="Nourishing meals",
        category=Category.PHYSICAL,
        roles=_BOTH,
        minutes=30,
        effort=Effort.MEDIUM,
        benefits={Benefit.PERSONAL_RESPONSIBILITY, Benefit.RESILIENCE},
        tags={"food", "cooking", "body", "family"},
        description=(
            "Eat regular meals with some variety and fresh food in them, and give yourself "
            "time to sit down and actually taste them."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=3,
        times_of_day={TimeOfDay.EVENING},
    ),
    Strategy(
        id="daily-movement",
        name="Moving every day",
        category=Category.PHYSICAL,
        roles=_BOTH,
        minutes=20,
        effort=Effort.MEDIUM,
        benefits={Benefit.COPING_SKILLS, Benefit.RECOVERY, Benefit.RESILIENCE},
        tags={"movement", "exercise", "body", "outdoors"},
        description=(
            "Get your body moving in whatever way you enjoy: a walk, a dance in the kitchen, "
            "a swim or a stretch. Small amounts count."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON},
        unit=Unit.MINUTES,
        target=20,
    ),
    Strategy(
        id="short-walk",
        name="Short walk",
        category=Category.PHYSICAL,
        roles=_BOTH,
        minutes=10,
        effort=Effort.LOW,
        benefits={Benefit.PRESENCE, Benefit.PREVENTS_BURNOUT, Benefit.COPING_SKILLS},
        tags={"walking", "movement", "body", "outdoors", "nature"},
        description=(
            "Step outside, or at least away from your chair, and walk for five to ten "
            "minutes at an easy pace."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON},
        unit=Unit.MINUTES,
        target=10,
    ),
    Strategy(
        id="progressive-muscle-relaxation",
        name="Progressive muscle relaxation",
        category=Category.PHYSICAL,
        roles=_BOTH,
        minutes=15,
        effort=Effort.LOW,
        benefits={Benefit.COPING_SKILLS, Benefit.RECOVERY},
        tags={"relaxation", "body", "calm", "sleep"},
        description=(
            "Working from your feet upwards, tense each group of muscles for a few seconds, "
            "then let it go and notice the difference."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=3,
        times_of_day={TimeOfDay.EVENING, TimeOfDay.NIGHT},
    ),
)

_MENTAL = (
    Strategy(
        id="reading-and-learning",
        name="Reading and learning",
        category=Category.MENTAL,
        roles=_BOTH,
        minutes=30,
        effort=Effort.MEDIUM,
        benefits={Benefit.RESILIENCE, Benefit.PERSONAL_RESPONSIBILITY},
        tags={"reading", "learning", "curiosity", "creativity"},
        description=(
            "Spend time on something that makes you think for the pleasure of it: a book, "
            "a course, a puzzle or a new skill."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=2,
        times_of_day={TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
    Strategy(
        id="news-limits",
        name="Limits on news and social media",
        category=Category.MENTAL,
        roles=_BOTH,
        minutes=5,
        effort=Effort.MEDIUM,
        benefits={Benefit.COPING_SKILLS, Benefit.RECOVERY},
        tags={"screen", "news", "social-media", "boundaries"},
        description=(
            "Choose when and for how long you check the news and your feeds, and put the "
            "phone away outside those windows."
        ),
        kind=StrategyKind.COMMITMENT,
        cadence=Cadence.DAILY,
    ),
    Strategy(
        id="self-compassion",
        name="Self-compassion and kind self-talk",
        category=Category.MENTAL,
        roles=_BOTH,
        minutes=10,
        effort=Effort.LOW,
        benefits={Benefit.RESILIENCE, Benefit.RECOVERY, Benefit.NORMALISES_LIMITS},
        tags={"kindness", "self-talk", "emotions"},
        description=(
            "When you notice a harsh inner voice, answer it the way you would answer a good "
            "friend who was struggling."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=3,
    ),
    Strategy(
        id="challenging-thoughts",
        name="Challenging unhelpful thoughts",
        category=Category.MENTAL,
        roles=_CLIENT,
        minutes=15,
        effort=Effort.HIGH,
        benefits={
            Benefit.COPING_SKILLS,
            Benefit.THERAPY_OUTCOMES,
            Benefit.MUTUAL_ACCOUNTABILITY,
            Benefit.COLLABORATION,
        },
        tags={"thinking", "writing", "therapy-homework", "learning"},
        description=(
            "Catch a thought that drags you down, weigh the evidence for and against it with "
            "the tools from your sessions, and write a more balanced version."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=2,
        times_of_day={TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
)

_PRACTICAL = (
    Strategy(
        id="daily-routine",
        name="A steady daily routine",
        category=Category.PRACTICAL,
        roles=_BOTH,
        minutes=10,
        effort=Effort.LOW,
        benefits={Benefit.PERSONAL_RESPONSIBILITY, Benefit.RECOVERY, Benefit.RESILIENCE},
        tags={"routine", "planning", "structure"},
        description=(
            "Anchor your day with a few fixed points, such as getting up, meals and winding "
            "down, so that life feels more predictable on hard days."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.MORNING},
    ),
    Strategy(
        id="organising-tasks",
        name="Organising tasks and realistic goals",
        category=Category.PRACTICAL,
        roles=_BOTH,
        minutes=15,
        effort=Effort.MEDIUM,
        benefits={
            Benefit.PERSONAL_RESPONSIBILITY,
            Benefit.COPING_SKILLS,
            Benefit.MUTUAL_ACCOUNTABILITY,
        },
        tags={"planning", "goals", "routine"},
        description=(
            "List what is on your plate, pick the few things that matter this week, and set "
            "goals small enough that you can actually reach them."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=2,
        times_of_day={TimeOfDay.MORNING},
    ),
    Strategy(
        id="manageable-finances",
        name="Money and responsibilities in small steps",
        category=Category.PRACTICAL,
        roles=_BOTH,
        minutes=30,
        effort=Effort.MEDIUM,
        benefits={Benefit.PERSONAL_RESPONSIBILITY, Benefit.RESILIENCE},
        tags={"money", "planning", "admin"},
        description=(
            "Break bills, budgets and paperwork into short sessions of one task each, "
            "instead of letting them pile up into one overwhelming job."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.WEEKLY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON},
    ),
)

_SPIRITUAL = (
    Strategy(
        id="spiritual-practice",
        name="Spiritual practice or prayer",
        category=Category.SPIRITUAL,
        roles=_BOTH,
        minutes=20,
        effort=Effort.LOW,
        benefits={Benefit.RESILIENCE, Benefit.RECOVERY},
        tags={"faith", "prayer", "spirituality", "community"},
        description=(
            "Make room for the practice of your own tradition or belief, alone or with "
            "others, whether that is prayer, worship, chanting or contemplation."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.TIMES_A_WEEK,
        times_a_week=3,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.EVENING},
    ),
    Strategy(
        id="time-in-nature",
        name="Time in nature",
        category=Category.SPIRITUAL,
        roles=_BOTH,
        minutes=45,
        effort=Effort.LOW,
        benefits={Benefit.RECOVERY, Benefit.RESILIENCE, Benefit.PREVENTS_BURNOUT},
        tags={"nature", "outdoors", "walking"},
        description=(
            "Spend unhurried time in a park, garden, wood or by water, paying attention to "
            "what grows, moves and sounds around you."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.WEEKLY,
        times_of_day={TimeOfDay.MORNING, TimeOfDay.AFTERNOON},
    ),
    Strategy(
        id="values-reflection",
        name="Reflecting on values and purpose",
        category=Category.SPIRITUAL,
        roles=_BOTH,
        minutes=20,
        effort=Effort.MEDIUM,
        benefits={
            Benefit.PERSONAL_RESPONSIBILITY,
            Benefit.THERAPY_OUTCOMES,
            Benefit.LONGEVITY,
            Benefit.COLLABORATION,
        },
        tags={"values", "purpose", "reflection", "writing"},
        description=(
            "Ask yourself what gives your life meaning and whether your days reflect it; "
            "your answers can shape the plan you build with your therapist."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.WEEKLY,
        times_of_day={TimeOfDay.EVENING},
    ),
)

# The strategies the rituals use as steps, and small practices in their own right.
_RITUAL_STEPS = (
    Strategy(
        id="mindful-breathing",
        name="Mindful breathing",
        category=Category.EMOTIONAL,
        roles=_BOTH,
        minutes=3,
        effort=Effort.LOW,
        benefits={Benefit.PRESENCE, Benefit.COPING_SKILLS},
        tags={"breathing", "mindfulness", "calm"},
        description=(
            "Breathe slowly for about three minutes, letting each out-breath be a little "
            "longer than the in-breath, and simply follow the air going in and out."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
    ),
    Strategy(
        id="one-insight",
        name="One insight from today",
        category=Category.MENTAL,
        roles=_BOTH,
        minutes=3,
        effort=Effort.LOW,
        benefits={
            Benefit.THERAPY_OUTCOMES,
            Benefit.COLLABORATION,
            Benefit.MUTUAL_ACCOUNTABILITY,
            Benefit.PRESENCE,
        },
        tags={"reflection", "writing", "journaling"},
        description=(
            "Before the day closes, note down a single thing you understood or noticed "
            "today; it may be worth bringing to your next session."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.EVENING},
    ),
    Strategy(
        id="one-gratitude",
        name="One gratitude from today",
        category=Category.EMOTIONAL,
        roles=_BOTH,
        minutes=2,
        effort=Effort.LOW,
        benefits={Benefit.RESILIENCE, Benefit.MODELS_HEALTHY_BEHAVIOUR},
        tags={"gratitude", "reflection", "writing", "journaling"},
        description=(
            "Write down one thing, however small, that you are glad about from today, "
            "and why it mattered to you."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.EVENING},
    ),
    Strategy(
        id="session-notes",
        name="Protected time for session notes",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=20,
        effort=Effort.MEDIUM,
        benefits={Benefit.ETHICAL_PRACTICE, Benefit.PRESENCE},
        tags={"notes", "admin", "work", "boundaries"},
        description=(
            "Keep a slot with no clients booked to write up your notes while the sessions "
            "are fresh, instead of carrying them home."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.AFTERNOON},
    ),
    Strategy(
        id="lunch-break",
        name="A proper lunch break",
        category=Category.PHYSICAL,
        roles=_THERAPIST,
        minutes=30,
        effort=Effort.LOW,
        benefits={Benefit.PREVENTS_BURNOUT, Benefit.LONGEVITY, Benefit.MODELS_HEALTHY_BEHAVIOUR},
        tags={"food", "rest", "break", "body"},
        description=(
            "Eat away from your desk and your inbox, and let the break be a real pause "
            "rather than a chance to catch up on admin."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.AFTERNOON},
    ),
    Strategy(
        id="decompression",
        name="Decompression time",
        category=Category.PROFESSIONAL,
        roles=_THERAPIST,
        minutes=10,
        effort=Effort.LOW,
        benefits={Benefit.PREVENTS_BURNOUT, Benefit.LONGEVITY, Benefit.NORMALISES_LIMITS},
        tags={"rest", "transition", "boundaries", "calm"},
        description=(
            "Give yourself unscheduled minutes to let the emotional weight of the sessions "
            "settle before you move on to anything else."
        ),
        kind=StrategyKind.ACTIVITY,
        cadence=Cadence.DAILY,
        times_of_day={TimeOfDay.AFTERNOON, TimeOfDay.EVENING},
    ),
)

STRATEGIES: tuple[Strategy, ...] = (
    *_FOR_THERAPISTS,
    *_EMOTIONAL,
    *_PHYSICAL,
    *_MENTAL,
    *_PRACTICAL,
    *_SPIRITUAL,
    *_RITUAL_STEPS,
)

_WORKDAYS = (Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY)

RITUALS: tuple[Ritual, ...] = (
    Ritual(
        id="transition-between-sessions",
        name="Transition between sessions",
        steps=(
            RitualStep("short-walk", 5, alternatives=("therapist-mindfulness",)),
            RitualStep("mindful-breathing", 3, alternatives=("therapist-mindfulness",)),
        ),
        anchor=Anchor.after_each_session(),
        recurrence=Recurrence.daily(),
        roles=_THERAPIST,
        description=(
            "After each client session, walk for a few minutes and then breathe mindfully, "
            "so one client's story does not spill into the next hour."
        ),
    ),
    Ritual(
        id="daily-reflection",
        name="Daily reflection",
        steps=(
            RitualStep("one-insight", 3, alternatives=("self-compassion", "mindful-breathing")),
            RitualStep("one-gratitude", 2, alternatives=("mindful-breathing", "self-compassion")),
        ),
        anchor=Anchor.at(dt.time(21, 0)),
        recurrence=Recurrence.daily(),
        roles=_BOTH,
        description=(
            "Each evening, note one thing you understood today and one thing you are "
            "thankful for; five minutes is enough."
        ),
    ),
    Ritual(
        id="blocked-non-client-time",
        name="Blocked non-client time",
        steps=(
            RitualStep("session-notes", 20),
            RitualStep("lunch-break", 30),
            RitualStep("decompression", 10, alternatives=("mindfulness-meditation",)),
        ),
        anchor=Anchor.during_workday(),
        recurrence=Recurrence.weekly(_WORKDAYS),
        roles=_THERAPIST,
        description=(
            "On working days, keep an hour free of clients for notes, lunch and a few quiet "
            "minutes, placed between sessions where the day leaves room (plan_workday "
            "places the notes, the lunch break and the decompression)."
        ),
    ),
)

PROMPTS: tuple[Prompt, ...] = (
    # The daily reflection.
    Prompt("one-insight", "What is one thing you understood or noticed today?", _BOTH),
    Prompt("one-gratitude", "What is one thing from today that you are grateful for?", _BOTH),
    # Check-ins (ratings run from 0 to 10).
    Prompt("mood-check-in", "From 0 to 10, how is your mood right now?", _BOTH),
    Prompt("energy-check-in", "From 0 to 10, how much energy do you have right now?", _BOTH),
    Prompt("stress-check-in", "From 0 to 10, how stressed do you feel right now?", _BOTH),
    Prompt(
        "support-check-in",
        "Would you like some support right now, from your therapist or someone you trust?",
        _BOTH,
    ),
    # One or more for each area.
    Prompt(
        "naming-feelings",
        "Which feelings came up today, and where did you notice them in your body?",
        _BOTH,
        Category.EMOTIONAL,
    ),
    Prompt(
        "body-care",
        "How did you look after your body today: sleep, food and movement?",
        _BOTH,
        Category.PHYSICAL,
    ),
    Prompt(
        "kinder-thought",
        "When a harsh thought about yourself showed up today, what would a kind friend say?",
        _BOTH,
        Category.MENTAL,
    ),
    Prompt(
        "one-small-task",
        "What is one small task you could finish tomorrow to make life feel lighter?",
        _BOTH,
        Category.PRACTICAL,
    ),
    Prompt(
        "living-your-values",
        "When did you act in line with what matters most to you today?",
        _BOTH,
        Category.SPIRITUAL,
    ),
    Prompt(
        "session-residue",
        "Which session is still on your mind, and what would help you set it down?",
        _THERAPIST,
        Category.PROFESSIONAL,
    ),
    Prompt(
        "boundary-check",
        "Did you keep to your working hours and client boundaries today? If not, what got in "
        "the way?",
        _THERAPIST,
        Category.PROFESSIONAL,
    ),
    Prompt(
        "supervision-topic",
        "What would you like to take to your next supervision or consultation?",
        _THERAPIST,
        Category.PROFESSIONAL,
    ),
)


@cache
def default_catalog() -> Catalog:
    """The built-in catalog: every strategy, ritual and prompt drawn from the seed text.

    It is built once and shared; extend it with :meth:`Catalog.with_entries` or trim it
    with :meth:`Catalog.without`, which return new catalogs.

    Example:
        >>> catalog = default_catalog()
        >>> catalog.ritual("transition-between-sessions").strategy_ids
        ('short-walk', 'mindful-breathing')
        >>> catalog.strategy("peer-supervision").category
        <Category.PROFESSIONAL: 'professional'>
        >>> default_catalog() is catalog
        True
    """
    return Catalog(strategies=STRATEGIES, rituals=RITUALS, prompts=PROMPTS)


def catalog_or_default(value: object) -> Catalog:
    """The catalog a function was given, or the built-in one when it was given ``None``.

    Raises:
        ValidationError: the value is neither a :class:`Catalog` nor ``None`` (on
            ``catalog``).
    """
    return check.instance_or_default("catalog", value, Catalog, default_catalog)
