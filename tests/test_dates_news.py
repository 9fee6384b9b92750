"""News-writing conventions of the dates tool, one group per error class, each with
invented sentences (TimeML/TIMEX3 values and extents)."""

from __future__ import annotations

import pytest

from corpus_tool.testing import run_tool


def found(text: str, anchor: str) -> list[tuple[str, str, str]]:
    """(text, type, value) of every row, resolved against ``anchor``."""
    rows = run_tool("dates", [text], anchor=anchor or None)
    return [(r["text"], r["type"], r["value"]) for r in rows]


# -- financial periods: quarters, halves, fiscal years -------------------------------

PERIODS = [
    # A quarter without its year is the latest of that number, reported after it closed.
    (
        "1996-01-20",
        "Fourth-quarter orders rose, and the second quarter was flat.",
        [("Fourth-quarter", "DATE", "1995-Q4"), ("the second quarter", "DATE", "1995-Q2")],
    ),
    ("1995-10-20", "A fourth-quarter charge is likely.", [("fourth-quarter", "DATE", "1995-Q4")]),
    (
        "2003-07-02",
        "The firm expects a weak third quarter.",
        [("third quarter", "DATE", "2003-Q3")],
    ),
    # "the" goes with the noun, not with the adjective.
    (
        "1995-10-20",
        "It blamed the third-quarter loss on rain.",
        [("third-quarter", "DATE", "1995-Q3")],
    ),
    # the quarter just closed, the same quarter a year before
    (
        "1995-11-02",
        "Sales in the latest quarter rose from the year-ago quarter; in the quarter, costs fell.",
        [
            ("the latest quarter", "DATE", "1995-Q3"),
            ("the year-ago quarter", "DATE", "1994-Q3"),
            ("the quarter", "DATE", "1995-Q3"),
        ],
    ),
    (
        "1995-11-02",
        "Net in the year-earlier period and in the 1994 third quarter fell.",
        [
            ("the year-earlier period", "DATE", "1994-Q3"),
            ("the 1994 third quarter", "DATE", "1994-Q3"),
        ],
    ),
    (
        "1995-11-02",
        "It met targets for fiscal 1994 and the current fiscal year.",
        [("fiscal 1994", "DATE", "1994"), ("the current fiscal year", "DATE", "1995")],
    ),
    (
        "1995-11-02",
        "Results for the fiscal first quarter and next year's second quarter.",
        [
            ("the fiscal first quarter", "DATE", "1995-Q1"),
            ("next year's second quarter", "DATE", "1996-Q2"),
        ],
    ),
    # in a report on a quarter, "a year ago" is that quarter a year before
    (
        "1995-11-02",
        "Third-quarter net rose from $3 million a year ago. A year earlier it lost.",
        [
            ("Third-quarter", "DATE", "1995-Q3"),
            ("a year ago", "DATE", "1994-Q3"),
            ("A year earlier", "DATE", "1994-Q3"),
        ],
    ),
    ("1995-11-02", "He left a year ago.", [("a year ago", "DATE", "1994")]),
    # a period qualified by a year back is that period a year before
    (
        "1995-11-02",
        "For the quarter a year ago it lost money; in the corresponding period last year "
        "and in last year's quarter, sales fell.",
        [
            ("the quarter a year ago", "DATE", "1994-Q3"),
            ("the corresponding period last year", "DATE", "1994-Q3"),
            ("last year's quarter", "DATE", "1994-Q3"),
        ],
    ),
    (
        "1995-11-02",
        "Third-quarter net rose from a year-earlier loss; in the 1994 period and a "
        "year earlier it lost.",
        [
            ("Third-quarter", "DATE", "1995-Q3"),
            ("year-earlier", "DATE", "1994-Q3"),
            ("the 1994 period", "DATE", "1994-Q3"),
            ("a year earlier", "DATE", "1994-Q3"),
        ],
    ),
    # the year a report covers; "the year ended ..." is a span
    (
        "1995-11-02",
        "Sales for the full year rose; for the year ended March 31 they fell.",
        [
            ("the full year", "DATE", "1995"),
            ("the year", "DURATION", "P1Y"),
            ("March 31", "DATE", "1995-03-31"),
        ],
    ),
    (
        "1995-11-02",
        "The year before, it lost money. In the year that followed, it grew.",
        [("The year before", "DATE", "1994")],
    ),
    # "the quarter ended July 31" is the calendar quarter holding most of its months
    (
        "1995-10-26",
        "In the quarter ended July 31, sales fell; in the quarter ended Jan. 31 they rose.",
        [
            ("the quarter", "DATE", "1995-Q2"),
            ("July 31", "DATE", "1995-07-31"),
            ("the quarter", "DATE", "1994-Q4"),
            ("Jan. 31", "DATE", "1995-01-31"),
        ],
    ),
    # a quarter of this year, however named, is the report's: "a year earlier" is that
    # quarter a year back, not a year before the last year mentioned
    (
        "1995-10-20",
        "Sales in 1993 fell below the 1992 level. In this year's third quarter, net rose"
        " to $5 million from $4 million a year earlier.",
        [
            ("1993", "DATE", "1993"),
            ("1992", "DATE", "1992"),
            ("this year's third quarter", "DATE", "1995-Q3"),
            ("a year earlier", "DATE", "1994-Q3"),
        ],
    ),
    (
        "1995-11-02",
        "Net in the 1995 third quarter rose from $3 million a year ago.",
        [("the 1995 third quarter", "DATE", "1995-Q3"), ("a year ago", "DATE", "1994-Q3")],
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "He won a quarter of the vote.",
        "They dined in the French Quarter.",
        "She lost the quarter-final.",
        "Over the period prices rose.",
    ],
)
def test_quarters_that_are_not_periods(text: str) -> None:
    assert found(text, "1995-11-02") == []


# -- tense decides which way a bare weekday, month or day points ---------------------

TENSE = [
    # 2001-06-13 is a Wednesday
    (
        "2001-06-13",
        "The minister met Monday with rebels. She will meet them again on Friday.",
        [("Monday", "DATE", "2001-06-11"), ("Friday", "DATE", "2001-06-15")],
    ),
    ("2001-06-13", "The talks are set to resume Friday.", [("Friday", "DATE", "2001-06-15")]),
    ("2001-06-13", "Voting is expected to start Tuesday.", [("Tuesday", "DATE", "2001-06-19")]),
    (
        "2001-06-13",
        "Rebels attacked the town Tuesday, officials said.",
        [("Tuesday", "DATE", "2001-06-12")],
    ),
    # a month far from the anchor: past tense looks back, future tense ahead
    (
        "2001-03-10",
        "A probe crashed last February; another will fly in December.",
        [("last February", "DATE", "2000-02"), ("December", "DATE", "2001-12")],
    ),
    ("2001-10-20", "In January, the company hired a new chief.", [("January", "DATE", "2001-01")]),
    (
        "2001-11-02",
        "The dividend will be paid Dec. 14 and the offer expires Jan. 4.",
        [("Dec. 14", "DATE", "2001-12-14"), ("Jan. 4", "DATE", "2002-01-04")],
    ),
    # near the anchor the nearest reading wins ("was extended to" a coming date)
    ("2001-11-02", "The offer was extended to Nov. 16.", [("Nov. 16", "DATE", "2001-11-16")]),
    ("2001-04-20", "He was shot on Oct. 23 in his kitchen.", [("Oct. 23", "DATE", "2000-10-23")]),
    # a present-tense clause means the nearest such day, leaning to the past
    (
        "2001-06-11",
        "The family has until noon Tuesday to answer; the mayor has Thursday's figures.",
        [("noon Tuesday", "TIME", "2001-06-12T12:00"), ("Thursday", "DATE", "2001-06-07")],
    ),
    # a deadline moved on points ahead, whatever the tense of the verb moving it
    (
        "2001-06-14",
        "The court postponed until Tuesday morning its ruling on the case.",
        [("Tuesday morning", "TIME", "2001-06-19TMO")],
    ),
    # a past decision about a later act points ahead; a date before it is the decision's
    (
        "2001-10-20",
        "The bank agreed to buy the unit in February. On Friday, the board planned to meet.",
        [("February", "DATE", "2002-02"), ("Friday", "DATE", "2001-10-19")],
    ),
    (
        "2001-10-20",
        "Exiles planned a march to the airport on Monday; the attack began as planned Friday.",
        [("Monday", "DATE", "2001-10-22"), ("Friday", "DATE", "2001-10-19")],
    ),
    # a participle used as an adjective carries no tense ("a still unspecified date")
    (
        "2001-10-20",
        "The split would be paid on a still unspecified date in January.",
        [("January", "DATE", "2002-01")],
    ),
    # "early October this year" is one expression
    (
        "2001-12-03",
        "It was approved in early October this year and ends in late March next year.",
        [
            ("early October this year", "DATE", "2001-10"),
            ("late March next year", "DATE", "2002-03"),
        ],
    ),
    # a year said just before a month, in the same clause, is the month's
    (
        "2001-10-20",
        "Sales this year through August rose; profit in 1999, in March, fell. Since 1990. "
        "In September it grew.",
        [
            ("this year", "DATE", "2001"),
            ("August", "DATE", "2001-08"),
            ("1999", "DATE", "1999"),
            ("March", "DATE", "1999-03"),
            ("1990", "DATE", "1990"),
            ("September", "DATE", "2001-09"),
        ],
    ),
    # the reporting clause after a quote has its own tense
    (
        "2001-06-13",
        "``The father will leave Friday,'' Castro said. \"He left Tuesday,\" she said.",
        [("Friday", "DATE", "2001-06-15"), ("Tuesday", "DATE", "2001-06-12")],
    ),
    # "had been scheduled": a plan seen from the past
    (
        "2001-06-14",
        "The offer had been scheduled to expire Monday evening.",
        [("Monday evening", "TIME", "2001-06-11TEV")],
    ),
    # "that" before an irregular past form opens a relative clause, and "through" looks
    # ahead only as the date's own preposition ("runs through Friday"), not as motion
    (
        "2001-06-13",
        "Residents cleaned up after the storm that tore through the town Sunday.",
        [("Sunday", "DATE", "2001-06-10")],
    ),
    ("2001-06-13", "The offer runs through Friday.", [("Friday", "DATE", "2001-06-15")]),
    # a month far off in a clause without tense words leans back, as news does
    (
        "2001-10-20",
        "In February, a week after the spring festival in the old capital of the far"
        " northern province of the country, a fire near the port destroyed two ships.",
        [("February", "DATE", "2001-02")],
    ),
    # a modal speaks of now or later; a passive after "is" is present
    ("2001-10-20", "Delegates can vote at the congress in March.", [("March", "DATE", "2002-03")]),
    (
        "2001-08-10",
        "The appeal is heard in December, lawyers say.",
        [("December", "DATE", "2001-12")],
    ),
    # "would": a future seen from the report's recent past; the nearest weekday (which
    # may be gone by now), a month ahead
    (
        "2001-06-15",
        "Officials said they would appeal Wednesday's ruling. He said he would arrive "
        "Saturday. The firm said it would close the plant in January.",
        [
            ("Wednesday", "DATE", "2001-06-13"),
            ("Saturday", "DATE", "2001-06-16"),
            ("January", "DATE", "2002-01"),
        ],
    ),
    # "since" a date: the date is past
    (
        "2001-05-06",
        "Police have been searching for him since the Nov. 3 robbery.",
        [("Nov. 3", "DATE", "2000-11-03")],
    ),
]


# -- durations: extents, fractions, ago-dates -----------------------------------------

DURATIONS = [
    # "recent years", "coming weeks": stretches of unknown length, not points
    (
        "2001-06-13",
        "Floods grew worse in recent years and may ease in the coming months.",
        [("recent years", "DURATION", "PXY"), ("the coming months", "DURATION", "PXM")],
    ),
    # a stretch added on: "two more weeks", "an additional year"
    (
        "2001-06-13",
        "The troops stay two more weeks; the lease runs an additional year, "
        "perhaps at least 10 more years.",
        [
            ("two more weeks", "DURATION", "P2W"),
            ("an additional year", "DURATION", "P1Y"),
            ("at least 10 more years", "DURATION", "P10Y"),
        ],
    ),
    ("2001-06-13", "We want more years like this one.", []),
    # "a month" after a limiting word is a stretch of time; after a price it is a rate
    (
        "2001-06-13",
        "It came barely a month after the vote and may take as long as a week; "
        "rent is $500 a month.",
        [("a month", "DURATION", "P1M"), ("a week", "DURATION", "P1W")],
    ),
    # year-end: the end of this year, or of the last one looking back from it
    (
        "2001-06-13",
        "The merger should close by year-end; shares are up 8% since year end and "
        "rules take effect by year's end.",
        [
            ("year-end", "DATE", "2001"),
            ("year end", "DATE", "2000"),
            ("year's end", "DATE", "2001"),
        ],
    ),
    # "the past/next/first N units" is one duration; a loose "about" stays out of the
    # extent but gives the mod, a bound ("more than") stays in.
    (
        "2001-06-13",
        "Stocks fell over the past three months and may rise in the next two weeks.",
        [("the past three months", "DURATION", "P3M"), ("the next two weeks", "DURATION", "P2W")],
    ),
    (
        "2001-06-13",
        "She slept about six hours, after more than two decades in exile.",
        [("six hours", "DURATION", "PT6H"), ("more than two decades", "DURATION", "P20Y")],
    ),
    (
        "2001-06-13",
        "After a one-day trip, rates may fall in coming weeks.",
        [("one-day", "DURATION", "P1D"), ("coming weeks", "DURATION", "PXW")],
    ),
    # "nearly" and "almost" are bounds and stay in; "over" is a preposition
    (
        "2001-06-13",
        "He ruled for nearly two years, over three years of war; net for the nine months rose.",
        [
            ("nearly two years", "DURATION", "P2Y"),
            ("three years", "DURATION", "P3Y"),
            ("the nine months", "DURATION", "P9M"),
        ],
    ),
    # fractions in whole smaller units
    (
        "2001-06-13",
        "It took 3 1/2 years, then a minute and a half, then a day and a half.",
        [
            ("3 1/2 years", "DURATION", "P3Y6M"),
            ("a minute and a half", "DURATION", "PT1M30S"),
            ("a day and a half", "DURATION", "P1DT12H"),
        ],
    ),
    # an ago-date keeps its modifier
    (
        "2001-06-13",
        "The war ended nearly six years ago.",
        [("nearly six years ago", "DATE", "1995")],
    ),
    # trading and business days are days
    (
        "2001-06-13",
        "Five trading days after the vote, and within two business days, shares rose.",
        [("Five trading days", "DURATION", "P5D"), ("two business days", "DURATION", "P2D")],
    ),
    # "or so" belongs to the expression (mod APPROX); "the next couple of years" is two
    (
        "2001-06-13",
        "Over the next couple of years or so, sales may double. The talks took two hours or "
        "so. A month or so ago the plant shut; it will reopen over the next year or so.",
        [
            ("the next couple of years or so", "DURATION", "P2Y"),
            ("two hours or so", "DURATION", "PT2H"),
            ("A month or so ago", "DATE", "2001-05"),
            ("the next year or so", "DATE", "2002"),
        ],
    ),
]


def test_duration_mods() -> None:
    rows = run_tool(
        "dates", ["She slept about six hours; it ended nearly six years ago."], anchor="2001-06-13"
    )
    assert [r["mod"] for r in rows] == ["APPROX", "LESS_THAN"]


# -- a clock time and its day are one TIME; weekdays after a subject -------------------

TIME_AND_DAY = [
    # 2001-06-13 is a Wednesday
    (
        "2001-06-13",
        "The boy was seized at 10 p.m. Monday and talks broke off at noon Tuesday.",
        [
            ("10 p.m. Monday", "TIME", "2001-06-11T22:00"),
            ("noon Tuesday", "TIME", "2001-06-12T12:00"),
        ],
    ),
    (
        "2001-06-13",
        "The vote closes at 6 p.m. EDT Friday, officials will say.",
        [("6 p.m. EDT Friday", "TIME", "2001-06-15T18:00-04:00")],
    ),
    # "earlier this week" tags "this week"; "earlier Sunday", "late yesterday" stay whole
    (
        "2001-06-13",
        "Earlier Monday police came; late yesterday they left; earlier this week it rained.",
        [
            ("Earlier Monday", "DATE", "2001-06-11"),
            ("late yesterday", "DATE", "2001-06-12"),
            ("this week", "DATE", "2001-W24"),
        ],
    ),
    # a name before the weekday is the sentence's subject, not part of a holiday's name
    (
        "2001-06-13",
        "The Czech Republic Monday joined the alliance; Mr. Havel Tuesday spoke.",
        [("Monday", "DATE", "2001-06-11"), ("Tuesday", "DATE", "2001-06-12")],
    ),
    ("2001-06-13", "Shoppers crowded stores on Black Friday.", []),
    (
        "2001-06-13",
        "He will fly out at 4 in the morning; the offer expires at 5 p.m. EST, June 20.",
        [
            ("4 in the morning", "TIME", "2001-06-13T04:00"),
            ("5 p.m. EST, June 20", "TIME", "2001-06-20T17:00-05:00"),
        ],
    ),
    (
        "2001-06-13",
        "By mid-afternoon yesterday prices fell.",
        [("mid-afternoon yesterday", "TIME", "2001-06-12TAF")],
    ),
    (
        "2001-06-13",
        "On Monday, June 11: the editorial.",
        [("Monday, June 11", "DATE", "2001-06-11")],
    ),
    # a clock time takes the day a parenthesis or the words right after give it
    (
        "2001-06-13",
        "The blast came at about 10:35 a.m. (0735 GMT) Monday. The father will leave at 4 in "
        "the morning (4 a.m. EDT Friday).",
        [
            ("10:35 a.m.", "TIME", "2001-06-11T10:35"),
            ("Monday", "DATE", "2001-06-11"),
            ("4 in the morning", "TIME", "2001-06-15T04:00"),
            ("4 a.m. EDT Friday", "TIME", "2001-06-15T04:00-04:00"),
        ],
    ),
    # title case makes a programme's name
    ("2001-06-13", 'He spoke on ABC\'s "This Week" programme.', []),
    # a decimal index level is not a year
    ("2001-06-13", "The index closed at 1462.93 points.", []),
]


# -- vague references ------------------------------------------------------------------

VAGUE = [
    (
        "2001-06-13",
        "In the past, the town flooded; in the near future it will not.",
        [("the past", "DATE", "PAST_REF"), ("the near future", "DATE", "FUTURE_REF")],
    ),
    ("2001-06-13", "The past president spoke about the future of the party.", []),
    # "soon" in a past-tense story is soon after the story's moment, not the future
    (
        "2001-06-13",
        "He was soon released and cash soon became a flood. Prosecutors have said they may "
        "soon act, and the budget will soon move.",
        [("soon", "DATE", "FUTURE_REF"), ("soon", "DATE", "FUTURE_REF")],
    ),
    # "the near term", "the short term" are the future; "short-term debt" is a kind of debt
    (
        "2001-06-13",
        "It will cut short-term debt, which may hurt in the short term; the near term outlook "
        "is dim. Investors may sell in the weeks ahead.",
        [("the short term", "DATE", "FUTURE_REF"), ("the weeks ahead", "DURATION", "PXW")],
    ),
    # "the" + a season after a preposition of time, in any position of the sentence; the
    # tense decides the year as for a bare month; "the fall of Rome" is the noun
    (
        "2001-10-20",
        "Prices rose over the summer. The mine will reopen in the spring.",
        [("the summer", "DATE", "2001-SU"), ("the spring", "DATE", "2002-SP")],
    ),
    ("2001-03-20", "Sales fell during the summer.", [("the summer", "DATE", "2000-SU")]),
    ("2001-10-20", "Traders lost out in the fall in prices and in the fall of Rome.", []),
    # "one day" after a modal is some time ahead; elsewhere a duration or a story's day
    (
        "2001-10-20",
        "Rivals may one day merge. One day, he left.",
        [("one day", "DATE", "FUTURE_REF")],
    ),
    # a present-tense clause speaks of any year's season; "the summer weather" describes
    (
        "2001-10-20",
        "There is little work in the winter. It is hot in the summer weather.",
        [("the winter", "DATE", "XXXX-WI")],
    ),
]


# -- spelling variants: years and decades in words ----------------------------------------

SPELLED = [
    (
        "2001-06-13",
        "In nineteen eighty-four the mine closed; it reopened in May nineteen ninety.",
        [("nineteen eighty-four", "DATE", "1984"), ("May nineteen ninety", "DATE", "1990-05")],
    ),
    (
        "2001-06-13",
        "Fears grew before the year two thousand and in the winter of nineteen ninety-nine.",
        [
            ("the year two thousand", "DATE", "2000"),
            ("the winter of nineteen ninety-nine", "DATE", "1999-WI"),
        ],
    ),
    ("2001-06-13", "Crime fell through the nineties.", [("the nineties", "DATE", "199")]),
    ("2001-06-13", "Nineteen people and two thousand sheep came.", []),
    # a round hundred is a count unless a preposition makes it a year
    (
        "2001-06-13",
        "The school has twelve hundred students; the mill was built in eighteen hundred.",
        [("eighteen hundred", "DATE", "1800")],
    ),
]


# -- holidays, the weekend, year-earlier figures -----------------------------------------

NAMED_DAYS = [
    # 2003-12-03 is a Wednesday
    (
        "2003-12-03",
        "The boy was found on Thanksgiving Day and will stay past Christmas.",
        [("Thanksgiving Day", "DATE", "2003-11-27"), ("Christmas", "DATE", "2003-12-25")],
    ),
    ("2003-12-03", "They married last Easter.", [("last Easter", "DATE", "2003-04-20")]),
    ("2003-12-03", "Over the weekend, rebels attacked.", [("the weekend", "DATE", "2003-W48-WE")]),
    (
        "2003-12-03",
        "Traders squared positions ahead of the weekend and will wait.",
        [("the weekend", "DATE", "2003-W49-WE")],
    ),
    ("2003-12-03", "Year-earlier results included a charge.", [("Year-earlier", "DATE", "2002")]),
]


# -- informal spellings: lower-case months, abbreviated units, day-first documents ----------

INFORMAL = [
    (
        "2001-06-13",
        "Send it by 25th march 2015, you may go.",
        [("25th march 2015", "DATE", "2015-03-25")],
    ),
    (
        "2001-06-13",
        "Posted 22 hrs ago, edited 5 mins ago.",
        [("22 hrs ago", "DATE", "2001-06-12"), ("5 mins ago", "DATE", "2001-06-13")],
    ),
    # a document whose dates can only be day first reads its other dates day first too
    (
        "",
        "Ordered 25/12/2020, shipped 02/01/2021, delivered 05/01.",
        [
            ("25/12/2020", "DATE", "2020-12-25"),
            ("02/01/2021", "DATE", "2021-01-02"),
            ("05/01", "DATE", "2021-01-05"),
        ],
    ),
    ("", "It runs 24/7; 10/12 of them agreed.", []),
    # without an anchor, the year a text has just stated carries to the next month named
    (
        "",
        "2014 was good! October was excellent!",
        [("2014", "DATE", "2014"), ("October", "DATE", "2014-10")],
    ),
    # a year with "pre-" or "post-" is a year even before a plural noun
    (
        "2001-06-13",
        "Post-1989 reforms lifted output above pre-1980 levels.",
        [("Post-1989", "DATE", "1989"), ("pre-1980", "DATE", "1980")],
    ),
]


# -- sets: a weekday repeated at a part of the day, and the weekdays listed with it -----

SETS = [
    (
        "2001-06-13",
        "New flights will leave on Monday and Thursday nights; the club meets "
        "every Sunday morning.",
        [
            ("Monday", "SET", "XXXX-WXX-1TNI"),
            ("Thursday nights", "SET", "XXXX-WXX-4TNI"),
            ("every Sunday morning", "SET", "XXXX-WXX-7TMO"),
        ],
    ),
    # one night, and weekdays that are no list, stay dates
    (
        "2001-06-13",
        "He arrived Monday and left Tuesday night.",
        [("Monday", "DATE", "2001-06-11"), ("Tuesday night", "TIME", "2001-06-12TNI")],
    ),
]


# -- rates and kinds of figures: a frequency word that is no repeated time ------------------

RATES = [
    (
        "2001-06-13",
        "The firm raised its quarterly dividend; average daily volume fell and "
        "output should grow 6% annually, or 9,000 cars annually.",
        [],
    ),
    # a frequency of an event is a SET
    (
        "2001-06-13",
        "Protesters gather daily at the gate; the board meets quarterly.",
        [("daily", "SET", "P1D"), ("quarterly", "SET", "P3M")],
    ),
]


# -- anaphora: "the day before" alone is the day before the last date; before a clause
# or a phrase it is anchored on an event ----------------------------------------------------

ANAPHORA = [
    (
        "2001-06-13",
        "He was seen on June 4 and vanished the day before. On June 8, police came.",
        [
            ("June 4", "DATE", "2001-06-04"),
            ("the day before", "DATE", "2001-06-03"),
            ("June 8", "DATE", "2001-06-08"),
        ],
    ),
    (
        "2001-06-13",
        "He was shot on Oct. 23, 1998. Earlier that day, his family sent a fax.",
        [("Oct. 23, 1998", "DATE", "1998-10-23"), ("Earlier that day", "DATE", "1998-10-23")],
    ),
    (
        "2001-06-13",
        "Imports rose in 1998; their share that year fell.",
        [("1998", "DATE", "1998"), ("that year", "DATE", "1998")],
    ),
    # "the following month", "that year" count from the last month or year mentioned
    (
        "2001-06-13",
        "In March, it got an offer. The following month, it was sold. She fled in "
        "June 1998 and returned later that year.",
        [
            ("March", "DATE", "2001-03"),
            ("The following month", "DATE", "2001-04"),
            ("June 1998", "DATE", "1998-06"),
            ("that year", "DATE", "1998"),
        ],
    ),
    (
        "2001-06-13",
        "He was seen June 4, the day before police issued a warrant, and flew home later "
        "in the day before returning.",
        [("June 4", "DATE", "2001-06-04")],
    ),
    # "the previous Friday" is the one before the Friday the story is at, not the anchor's
    # last Friday; "the week of" a day is that day's ISO week
    (
        "2001-06-18",
        "Shares fell on Friday, closing 3% below the previous Friday.",
        [("Friday", "DATE", "2001-06-15"), ("the previous Friday", "DATE", "2001-06-08")],
    ),
    (
        "2001-06-13",
        "The trial may open the week of July 9.",
        [("the week of July 9", "DATE", "2001-W28")],
    ),
]


# -- false alarms: ages, and "now" inside an adjective -------------------------------------

FALSE_ALARMS = [
    ("", "Mr. Kalashnikov, 93 years of age, and a 44-year-old nurse spoke.", []),
    ("", "The now-defunct firm joined the now-global trade.", []),
    # "Now," opening a sentence turns the argument; "now" in the clause is the present
    (
        "2001-06-13",
        'It lost money. Now, he says, "it is saved." Now the firm is big, and for now, ok.',
        [("Now", "DATE", "PRESENT_REF"), ("now", "DATE", "PRESENT_REF")],
    ),
    # a capitalised day word after a capitalised word is part of a name
    (
        "2001-06-13",
        "This is VOA Today. He read USA Today and saw High Noon. Today, he voted at noon.",
        [("Today", "DATE", "2001-06-13"), ("noon", "TIME", "2001-06-13T12:00")],
    ),
    ("", "It is now done; he stayed 93 years.", [
        ("now", "DATE", "PRESENT_REF"), ("93 years", "DURATION", "P93Y"),
    ]),
]


# -- every group: (anchor, text, expected rows) ----------------------------------------------

CLASSES = {
    "periods": PERIODS,
    "tense": TENSE,
    "durations": DURATIONS,
    "time and day": TIME_AND_DAY,
    "vague": VAGUE,
    "spelled": SPELLED,
    "named days": NAMED_DAYS,
    "informal": INFORMAL,
    "sets": SETS,
    "rates": RATES,
    "anaphora": ANAPHORA,
    "false alarms": FALSE_ALARMS,
}
CASES = [(group, case) for group, cases in CLASSES.items() for case in cases]


@pytest.mark.parametrize(("group", "case"), CASES, ids=[f"{g}: {c[1]}" for g, c in CASES])
def test_news_conventions(group: str, case: tuple) -> None:
    anchor, text, expected = case
    assert found(text, anchor) == expected
