"""The quotes tool on the conventions of news writing, one group of invented cases per
error class: roles before names, appositions, pronouns and descriptions resolved to
people, quote-only paragraphs, partial quotes, non-quotes and quotes across paragraphs."""

from __future__ import annotations

from corpus_tool.testing import run_tool


def quotes(text: str) -> list[dict]:
    return run_tool("quotes", [text])  # type: ignore[return-value]


def speakers(text: str) -> list[str | None]:
    return [r["speaker"] for r in quotes(text) if r["kind"] != "scare"]


# -- 1. a title or a role before the name -------------------------------------------------


def test_role_before_the_name_after_the_quote() -> None:
    text = "“We are ready,” Harbour Authority spokesperson Jane Roe said on Friday."
    assert speakers(text) == ["Jane Roe"]


def test_local_and_legislative_offices_are_titles() -> None:
    text = (
        "The ban is new.\n"
        "Councilwoman Lara Cant, who pushed the ban, disagrees: “The bars must act,” she says.\n"
        "Congressman Tom Reed said: “It is cold.”"
    )
    assert speakers(text) == ["Lara Cant", "Tom Reed"]


def test_role_before_the_name_with_no_comma_closing_the_quote() -> None:
    text = "“It is a good day for the workers” Bakers Local 12 president Omar Kiani said."
    assert speakers(text) == ["Omar Kiani"]


def test_inverted_said_with_a_role_before_the_name() -> None:
    text = (
        "“They owned the game,” said Otters head coach Lena Marsh.\n"
        "“Nothing went right,” says Riverside cartoonist Paul Ibsen, who drew it."
    )
    assert speakers(text) == ["Lena Marsh", "Paul Ibsen"]


def test_an_inverted_question_verb_introducing_the_quote() -> None:
    text = (
        "Why build long rows of desks, asks Town Views editor Jane Dale, "
        "“has anyone ever considered other designs?”"
    )
    assert speakers(text) == ["Jane Dale"]


def test_lowercase_role_words_and_an_organisation_name_before_the_name() -> None:
    text = (
        "“Rents keep rising,” says Hope and Home senior manager Ruth Akers.\n"
        "“We saw it coming,” then-city council candidate Tom Vey responded."
    )
    assert speakers(text) == ["Ruth Akers", "Tom Vey"]


def test_a_description_with_a_determiner_before_the_name() -> None:
    # "his colleague Dr Ivo Marsh": the name is the speaker, the words before it his role
    text = (
        "“The data are clear,” his colleague Dr Ivo Marsh said.\n"
        "“We are ready,” said her husband Colm Brady.\n"
        "“Sales rose,” the firm's finance director Ada Quist told reporters."
    )
    rows = quotes(text)
    assert [(r["speaker"], r["speaker_role"]) for r in rows] == [
        ("Ivo Marsh", "his colleague Dr"),
        ("Colm Brady", "her husband"),
        ("Ada Quist", "firm's finance director"),
    ]


def test_a_name_after_a_preposition_or_an_institution_is_not_the_described_person() -> None:
    text = (
        "“We are ready,” said a lawyer for Colm Brady.\n"
        "“We are ready,” said the wife of Colm Brady.\n"
        "“We are ready,” said the opposition Liberal Party."
    )
    assert speakers(text) == ["a lawyer", "the wife", "the opposition Liberal Party"]


# -- 2. a possessive role and an apposition -------------------------------------------------


def test_possessive_role_then_the_name_in_apposition() -> None:
    text = (
        "“We will strike,” the union's president, Maria Lopez, said.\n"
        "“Not yet,” says Lopez’s partner, Jonas Berg."
    )
    assert speakers(text) == ["Maria Lopez", "Jonas Berg"]


def test_a_role_owned_by_a_named_institution_is_kept_whole() -> None:
    # "the CMI’s chief executive" is a description: resolved through the apposition that
    # gave the role, never cut to "chief executive" after the possessive
    text = (
        "Pay is still not equal.\n"
        "Ann Holt, the TUC’s general secretary said: “It’s time to act.”\n"
        "Ferland’s finance minister said: “We will look at it.”"
    )
    rows = quotes(text)
    assert [r["speaker"] for r in rows] == ["Ann Holt", "Ferland’s finance minister"]
    assert rows[0]["speaker_surface"] == "the TUC’s general secretary"


def test_a_role_in_apposition_opening_the_sentence_and_no_verb_as_role() -> None:
    text = "Her husband, Colm Brady, said: “We are ready to go now.”"
    rows = quotes(text)
    assert [(r["speaker"], r["speaker_role"]) for r in rows] == [("Colm Brady", "her husband")]


def test_name_then_its_possessive_role() -> None:
    text = "Maria Lopez leads the union. “We will strike,” said Lopez, the union's president."
    assert speakers(text) == ["Maria Lopez"]


def test_apposition_with_an_abbreviation_inside() -> None:
    text = (
        "“Talks will fail,” Dana K. Ruiz, director of studies at the U.S.-based Centre "
        "for Trade, said in a statement."
    )
    assert speakers(text) == ["Dana K. Ruiz"]


# -- 4. a pronoun resolves to a person, never to an organisation or a place -----------------


def test_pronoun_skips_an_organisation_named_since() -> None:
    text = (
        "Nadia Perrin joined the youth council last year. Perrin is 19.\n"
        "The Youth Council stated in July it opposed the pipeline.\n"
        "“This land is who we are,” she said."
    )
    assert speakers(text) == ["Nadia Perrin"]


def test_pronoun_skips_a_day_and_an_acronym() -> None:
    text = (
        "Dennis Olafsen has lived outside for two years. Olafsen is 50. On Boxing Day, "
        "he plans a dinner. "
        "The RCMP checked on him.\n"
        "“I got presents for all of them,” he says."
    )
    assert speakers(text) == ["Dennis Olafsen"]


def test_a_regnal_number_is_part_of_the_name() -> None:
    text = (
        "When Pope Clement XV was elected in 2005, he said he was “a humble worker”.\n"
        "Queen Ada II visited. “It is a joy,” she said."
    )
    assert speakers(text) == ["Clement XV", "Ada II"]


def test_pronoun_takes_the_person_of_its_gender() -> None:
    text = (
        "Wanda Peel lost her son in 2015. Peel says the man who sold him the pills, "
        "Rick Coulter, should answer for it.\n"
        "“That is why I chose to fight,” she says."
    )
    assert speakers(text) == ["Wanda Peel"]


def test_pronoun_never_takes_two_people_joined_by_and() -> None:
    text = (
        "Union head Jeff Tane called a vote. Tane is new.\n"
        "“We want a deal,” owners Tess Lund and Ali Brenn said in a statement.\n"
        "“They want cheap labour,” he said."
    )
    assert speakers(text) == ["Tess Lund and Ali Brenn", "Jeff Tane"]


# -- 5. a description is never cut --------------------------------------------------------------


def test_description_after_the_verb_is_whole() -> None:
    rows = quotes(
        "Walt Brisco scored twice. “I will smile later,” said the rookie defenceman, "
        "brother of Seth Brisco."
    )
    assert rows[0]["speaker"] != "the rookie"


def test_description_with_adjectives_before_the_verb_is_whole() -> None:
    rows = quotes("“Nobody makes money here,” the lanky, bespectacled professor said.")
    assert rows[0]["speaker"] == "the lanky, bespectacled professor"


# -- 4. a description or a document resolves to the person meant ------------------------------


def test_title_description_resolves_to_the_person_with_that_title() -> None:
    text = (
        "Mayor Doug Hallam cut the arena budget. Hallam was elected in May. "
        "Critic Ann Vos, a hockey coach, objected. Vos has two sons.\n"
        "“Ice use is falling every year,” the mayor told reporters."
    )
    rows = quotes(text)
    assert [(r["speaker"], r["speaker_surface"]) for r in rows] == [("Doug Hallam", "the mayor")]


def test_description_with_no_such_title_takes_the_last_subject() -> None:
    text = (
        "Rory Bates scored his first goal. Bates is 20.\n"
        "“I will smile about it later,” said the rookie defenceman."
    )
    assert speakers(text) == ["Rory Bates"]


def test_possessive_pronoun_before_a_statement_is_its_author() -> None:
    text = (
        "Minister Shana Pell cancelled the meetings. Pell stayed in Calgary.\n"
        "“People are afraid to speak,” her statement read."
    )
    assert speakers(text) == ["Shana Pell"]


def test_description_with_no_one_named_stays_as_written() -> None:
    assert speakers("“We tried,” the mayor said.") == ["the mayor"]
    assert speakers("Ella Rand left. Rand is 30. “We tried,” a spokesman said.") == ["a spokesman"]


# -- 3. a paragraph that is only a quotation --------------------------------------------------


def test_quote_only_paragraph_continues_the_reporting_clause_before_it() -> None:
    text = (
        "Owen Tarr sleeps in a tent. Tarr says the new flat changed everything for him.\n\n"
        "“It feels warm. Nobody can bother you.”\n\n"
        "The city opened 40 flats."
    )
    assert speakers(text) == ["Owen Tarr"]


def test_quote_only_paragraph_after_according_to() -> None:
    text = (
        "The system is failing, according to Dr. Rina Moss, a family doctor in Halifax.\n\n"
        "“The health-care system is making it worse.”"
    )
    assert speakers(text) == ["Rina Moss"]


def test_quote_only_paragraph_after_a_quote_keeps_its_speaker() -> None:
    text = (
        "“We are ready,” said Liam Ocks, the union's president.\n\n"
        "“Nobody wants a strike, but nobody fears one either.”"
    )
    assert speakers(text) == ["Liam Ocks", "Liam Ocks"]


# -- 6. a quoted word in a sentence that reports someone is a partial quotation ---------------


def test_called_makes_a_partial_quote_with_that_speaker() -> None:
    text = (
        "Crown prosecutor Mila Brandt called the report “bold” on Monday.\n"
        "Brandt has labelled the budget “a fairy tale” before."
    )
    rows = quotes(text)
    assert [(r["kind"], r["speaker"]) for r in rows] == [
        ("partial", "Mila Brandt"),
        ("partial", "Mila Brandt"),
    ]


# -- the speaker_surface and speaker_role columns ----------------------------------------------


def test_role_column_holds_the_title_or_the_apposition() -> None:
    text = (
        "“We are ready,” Harbour Authority spokesperson Jane Roe said.\n"
        "“No,” said the union's president, Maria Lopez.\n"
        "“Yes,” said Bo Park, a professor at Oxford.\n"
        "“Maybe,” Park said."
    )
    rows = quotes(text)
    assert [(r["speaker"], r["speaker_surface"], r["speaker_role"]) for r in rows] == [
        ("Jane Roe", "Jane Roe", "Harbour Authority spokesperson"),
        ("Maria Lopez", "Maria Lopez", "union's president"),
        ("Bo Park", "Bo Park", "professor at Oxford"),
        ("Bo Park", "Park", None),
    ]


def test_role_in_apposition_keeps_abbreviations_and_whole_words() -> None:
    text = (
        "“Talks failed,” said Jo Hart, a former U.S. envoy to the talks.\n"
        "“It works,” said Al Roe, founder of ecigs.co.uk.\n"
        "“No,” said Bo Lam, senior director of the Eurasian Center and former ambassador "
        "to the United Nations."
    )
    roles = [r["speaker_role"] for r in quotes(text)]
    assert roles[:2] == ["former U.S. envoy to the talks", "founder of ecigs.co.uk"]
    # cut at its length limit, a role still ends with a whole word
    whole = "senior director of the Eurasian Center and former ambassador to the United Nations"
    assert whole.startswith(roles[2]) and whole[len(roles[2])] == " ", roles[2]


# -- 8. quotation marks as wire copy and web pages type them ----------------------------------


def test_two_single_marks_typed_for_a_double_one() -> None:
    text = (
        "“We print local comics,’’ says Ada Lim, the owner.\n"
        "‘’Nobody wins a shutdown,” Senator Ray Holt said."
    )
    rows = quotes(text)
    assert [(r["text"], r["speaker"]) for r in rows] == [
        ("We print local comics,", "Ada Lim"),
        ("Nobody wins a shutdown,", "Ray Holt"),
    ]


def test_flattened_paragraphs_of_one_quotation_are_split_at_the_repeated_mark() -> None:
    text = (
        "“The process is flawed,” Tom Hind said. “The proposal is bad. The process is "
        "worse. “So we are here. We want answers,” Hind added."
    )
    rows = quotes(text)
    assert [(r["text"], r["kind"], r["speaker"]) for r in rows] == [
        ("The process is flawed,", "direct", "Tom Hind"),
        ("The proposal is bad. The process is worse.", "direct", "Tom Hind"),
        ("So we are here. We want answers,", "direct", "Tom Hind"),
    ]


def test_hyphenated_office_is_no_part_of_the_name() -> None:
    text = (
        "European Vice-President Ana Ruiz spoke in Davos. "
        "Ruiz said that “blaming others will not resolve the problems,” to applause."
    )
    assert speakers(text) == ["Ana Ruiz"]


def test_verbs_that_double_their_last_letter() -> None:
    text = (
        "“It did not take me long,” quipped Dan Greer, who lives nearby.\n"
        "“We were wrong,” admitted Rosa Vidal."
    )
    assert speakers(text) == ["Dan Greer", "Rosa Vidal"]


def test_clause_under_a_conjunction_does_not_introduce_the_quote() -> None:
    text = (
        "Rhea Vance leads the ministry. Vance said even though Canada believes the penalty "
        "is wrong, “travellers need to be aware that it exists.”"
    )
    assert speakers(text) == ["Rhea Vance"]


# -- speakers named without a reporting clause of their own ------------------------------------


def test_according_to_after_the_quote() -> None:
    text = (
        "“We do not have a working addictions system,” according to Dr. Rina Moss, a family "
        "doctor in Halifax."
    )
    assert speakers(text) == ["Rina Moss"]


def test_participle_after_a_comma_takes_the_subject_of_the_sentence() -> None:
    text = (
        "Ministry spokeswoman Hua Lin shot back on Tuesday. Lin is new.\n"
        "She declined to comment, saying the matter “is between me and the government.”"
    )
    assert speakers(text) == ["Hua Lin"]


def test_subject_with_an_apposition_before_an_unattributed_quote() -> None:
    # the news convention: a sentence about someone, then their words
    text = (
        "The study made news.\n"
        "Rob Dunmore, Professor of Zoology at Glen University, was dubious about it. "
        "“Apes do not plan ahead in this way.”\n"
        "Ada Quist, 58, a nurse at the clinic, was delighted. “It is a huge reward for us.”\n\n"
        "Port Vell, the old harbour, was busy that day. “It is a fine day for a walk.”"
    )
    assert speakers(text) == ["Rob Dunmore", "Ada Quist", None]


def test_a_sentence_before_a_colon_between_two_quotes_names_the_second_speaker() -> None:
    text = (
        "“Stop filming,” a pianist shouted at the crowd.\n"
        "Kurt Zimmer returned moments later and declared: “Phones are ruining music.”\n"
        "Job satisfaction: “Every day is different.”"
    )
    assert speakers(text)[1:] == ["Kurt Zimmer", "Kurt Zimmer"]


def test_who_after_an_institution_in_an_apposition_is_the_person_described() -> None:
    text = (
        "Ada Quist, head nurse at Glen Valley Hospital, who writes about care on her blog, "
        "Ward Notes. “Wards need more staff than they have.”\n\n"
        "Jo Roe, who said the wards were fine, left. “It is over,” she said."
    )
    assert speakers(text) == ["Ada Quist", "Jo Roe"]


def test_someones_words_named_before_a_colon_are_theirs() -> None:
    text = (
        "Jo Carle lived on local goods for a year. Carle wrote a book.\n\n"
        "Carle’s conclusion: “It is not possible to live like that, and it was not the point.”\n\n"
        "His verdict: “People could do more as buyers, whatever the price of a shirt.”\n\n"
        "The conclusion: “Nobody can live on local goods alone, not even for a month.”"
    )
    assert speakers(text) == ["Jo Carle", "Jo Carle", None]


def test_subject_of_a_sentence_ending_in_a_colon() -> None:
    text = (
        "Dave Marten runs a clinic. Marten, the doctor on the South Shore, is blunt:\n"
        "“They are going to uncover things that are horrifying.”"
    )
    assert speakers(text) == ["Dave Marten"]


def test_quotation_over_paragraphs_takes_the_clause_after_its_last_part() -> None:
    text = (
        "“The process is flawed,” Tom Hind said Monday. “The proposal is bad.\n\n"
        "“So people decide with lousy information.\n\n"
        "“We want answers,” Hind added.\n\n"
        "The rally is on Sunday."
    )
    rows = quotes(text)
    assert [(r["text"], r["speaker"]) for r in rows] == [
        ("The process is flawed,", "Tom Hind"),
        ("The proposal is bad.", "Tom Hind"),
        ("So people decide with lousy information.", "Tom Hind"),
        ("We want answers,", "Tom Hind"),
    ]


# -- 7. words of a document are its issuer's ------------------------------------------------


def test_statement_released_by_an_institution_is_the_institution_s() -> None:
    text = (
        "“All countries must respect the rule of law,” said a statement released by the "
        "Prime Minister's Office."
    )
    assert speakers(text) == ["Prime Minister's Office"]


def test_the_agency_stands_for_the_institution_named_before() -> None:
    text = (
        "The State Department called for their release.\n"
        "“We share Canada’s commitment to the rule of law,” the agency said."
    )
    assert speakers(text) == ["State Department"]


def test_role_before_a_name_in_an_inverted_clause_of_running_text() -> None:
    text = (
        "“It worked,” says Harbour Trust director Adam Jolek. “We are setting ourselves up "
        "for more.”"
    )
    assert speakers(text) == ["Adam Jolek", "Adam Jolek"]


def test_reporting_clause_reaches_a_quote_past_an_aside_with_commas() -> None:
    text = (
        "Josh Malin said all three levels of government — municipal, provincial and federal "
        "— should be “working in tandem” on housing."
    )
    rows = quotes(text)
    assert [(r["kind"], r["speaker"]) for r in rows] == [("partial", "Josh Malin")]


def test_clause_under_although_does_not_reach_past_its_comma() -> None:
    text = (
        "Although he cited the charter to show the position is “unwavering”, many readers "
        "think the country is not “actively” opposed."
    )
    rows = quotes(text)
    assert [r["kind"] for r in rows] == ["partial", "scare"]


def test_apposition_with_an_abbreviated_state_before_the_verb() -> None:
    text = (
        "Rep. Lucia Roybal Avila, D-Calif., the incoming chairwoman, said in an interview "
        "that her office is ready. “Our goal is to keep our promises,” she said."
    )
    assert speakers(text) == ["Lucia Roybal Avila"]


def test_participle_takes_a_subject_with_a_role_before_the_name() -> None:
    text = (
        "Foreign Ministry spokeswoman Hua Lin shot back on Tuesday, saying Canada should "
        "“respect the rule of law.”"
    )
    assert speakers(text) == ["Hua Lin"]


def test_paragraph_opening_with_a_name_the_sentence_calls_he() -> None:
    text = (
        "Hiram Macken hid under a desk. Macken is 40.\n\n"
        "Mamadou Dial was on a business trip when he ended up in a room with guests.\n\n"
        "“They told us by text that the police knew we were there,” he said."
    )
    assert speakers(text) == ["Mamadou Dial"]


def test_title_abbreviation_does_not_end_the_sentence() -> None:
    text = (
        "Others are wary. Sen. Rick Shelton of Alabama, the committee's chairman, said Sunday "
        "a long standoff makes all sides look “silly.”"
    )
    rows = quotes(text)
    assert [(r["kind"], r["speaker"]) for r in rows] == [("partial", "Rick Shelton")]


def test_a_list_joined_by_and_is_no_new_clause() -> None:
    text = (
        "Josh Malin said he thinks all levels — municipal, provincial, and federal — should "
        "be “working in tandem” on housing."
    )
    assert speakers(text) == ["Josh Malin"]


# -- 7. not quotations at all ----------------------------------------------------------------


def test_headlines_of_linked_stories_and_videos_are_no_quotations() -> None:
    text = (
        "READ MORE: ‘It becomes a nightmare’: the rise of the viral bomb threat\n\n"
        "WATCH: Police warn of rise in ‘sextortion’ cases\n\n"
        "WATCH BELOW: The province is cancelling sessions after “inflamed rhetoric.”\n\n"
        "“This game is about getting people to respond,” Kevin Hale said."
    )
    assert [r["text"] for r in quotes(text)] == ["This game is about getting people to respond,"]


def test_a_name_given_in_quotes_is_no_quotation() -> None:
    text = (
        "Elon Musk says the system, simply called ‘loop,’ is a first step.\n"
        "The wrestler Dwayne “The Rock” Johnson nicknamed his dog “Hobbs.”"
    )
    assert {r["kind"] for r in quotes(text)} == {"scare"}


def test_phrasal_verbs_first_person_determiners_and_repeat() -> None:
    text = (
        "“You are talking about one genre only,” points out the laid-back shop owner.\n"
        "“No, that is the mom,” says my two-year-old.\n"
        "“He is gone,” the father repeated."
    )
    assert speakers(text) == ["the laid-back shop owner", "my two-year-old", "the father"]


def test_an_unnamed_relative_is_not_the_last_person_named() -> None:
    text = (
        "Jason Spinner was killed in the attack. Spinner was 40.\n"
        "“He is gone,” the father repeated into his phone."
    )
    assert speakers(text) == ["the father"]


def test_a_preposition_never_opens_a_role() -> None:
    text = (
        "“The situation may change,” Alexei Malin, a Moscow-based expert, said about the "
        "planned U.S. withdrawal."
    )
    assert speakers(text) == ["Alexei Malin"]


def test_description_takes_a_speaker_named_after_a_lowercase_role() -> None:
    text = (
        "Gil Moran sells comics. “Business is fine,” says Moran.\n"
        "Nothing beats finishing a book, insists 15-year-old Tess Varga, who drew three.\n"
        "“It takes months,” says the self-taught artist."
    )
    assert speakers(text) == ["Gil Moran", "Tess Varga"]


def test_participle_takes_a_pronoun_subject_in_mid_paragraph() -> None:
    text = (
        "Ministry spokeswoman Hua Lin shot back on Tuesday. Lin is new. She declined to "
        "comment, saying the matter “is between me and the government.”"
    )
    assert speakers(text) == ["Hua Lin"]


# -- 4. who a pronoun stands for: the sentence just before, the gender the text gives --------


def test_pronoun_takes_the_only_person_of_the_sentence_just_before() -> None:
    text = (
        "Party Leader Rhea Mott spoke. “We will win,” Mott said.\n"
        "Opposition Leader Paul Girard visited the plant on Monday.\n"
        "It was a decision that Mott found alarming.\n"
        "“Nobody asked the workers,” she said.\n"
        "The program also helped Calgary nurse Ana Silva, 41. “I feel stronger,” she says."
    )
    assert speakers(text) == ["Rhea Mott", "Rhea Mott", "Ana Silva"]


def test_pronoun_chain_in_the_sentence_before_is_kept() -> None:
    text = (
        "Leo Brandt runs a dairy. “We work hard,” Brandt said.\n"
        "He said the farm, run with his friend Martin Lowe, grew fast.\n"
        "“It was a good time,” he said."
    )
    assert speakers(text) == ["Leo Brandt", "Leo Brandt"]


def test_gender_given_anywhere_in_the_text_holds_for_every_pronoun() -> None:
    text = (
        "Stacy Berg said the week was calm. She enjoyed the range.\n"
        "“We are trending,” said Berg.\n"
        "The celebrities have their own contest. Jake Hill, 40, won it last year.\n"
        "Hill has played for a decade and lives in Tulsa with his dogs, and the event, "
        "which drew a big crowd on Sunday, suits him. Berg left early.\n"
        "“It is the best week,” he said."
    )
    assert speakers(text) == ["Stacy Berg", "Jake Hill"]


def test_a_credit_or_a_title_glued_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Dana Pike / The Canadian Press Kevin Rourke waves in Dublin.\n"
        "Conservative Leader Andrew Sawyer says he would not sign it. "
        "It is a plan that Sawyer found worrying.\n"
        "“We would never accept it,” he said."
    )
    assert speakers(text) == ["Andrew Sawyer"]


def test_the_official_is_the_official_brought_in_before() -> None:
    text = (
        "Justice Minister David Lam makes the final call.\n"
        "“It is up to the minister,” a justice official said at the briefing.\n"
        "“Most of those go through,” the official said."
    )
    assert speakers(text) == ["a justice official", "a justice official"]


def test_pronoun_after_a_clause_fronted_by_a_conjunction_takes_its_person() -> None:
    text = (
        "The premier leaned on then Attorney General Mona Ruiz-Hale. David Pratt took over.\n"
        "“We will look at it,” Pratt said.\n"
        "After Ruiz-Hale was moved, she posted a statement on her website.\n"
        "“It is a pillar of our democracy,” her statement said."
    )
    assert speakers(text) == ["David Pratt", "Mona Ruiz-Hale"]


def test_pronoun_goes_on_from_the_same_pronoun_in_the_sentence_before() -> None:
    text = (
        "Shop owner Alfonso Reyes opened in 2001. “Nobody starts big,” says Reyes.\n"
        "“He taught me everything,” says Reyes’s friend, Darrin Cole.\n"
        "For Reyes, who works alone, he’s simply filling a niche. “You start somewhere,” "
        "he says."
    )
    assert speakers(text) == ["Alfonso Reyes", "Darrin Cole", "Alfonso Reyes"]


def test_an_abbreviation_before_a_lowercase_word_ends_no_sentence() -> None:
    text = (
        "“It is cheap,” Kim Lau says. Toronto retiree Doug Perry, who lost 16 lbs. “and two belt "
        "loops” this year, says the program changed his life. “I had good intentions,” he says."
    )
    assert speakers(text)[-1] == "Doug Perry"


def test_a_word_after_in_or_across_is_a_place_not_a_surname() -> None:
    text = (
        "Premier Joan Atlantic spoke in Halifax. “We are ready,” Atlantic said.\n"
        "Prime Minister Tom Reid spoke next. “We welcome people,” Reid said.\n"
        "People spread fear across Atlantic, he said, though he named no one.\n"
        "“Fear is easy,” he said."
    )
    assert speakers(text)[-1] == "Tom Reid"


def test_a_word_after_the_is_a_group_not_a_surname() -> None:
    # "the Taliban", "the Kremlin": a person's surname takes no article, so a phrase
    # ending in that word (Afghan Taliban) is no person a pronoun could stand for.
    text = (
        "When the Mujahedin sent a gunman to shoot Amira Nadeem as she rode home, they "
        "made their intention clear.\n"
        "Months later, she stood up at the assembly. “They failed,” she said.\n"
        "A meeting of Northern Mujahedin leaders had ordered the attack.\n"
        "“I am not against anyone,” she said."
    )
    found = speakers(text)
    assert len(found) == 2
    assert not any("Mujahedin" in (speaker or "") for speaker in found), found


def test_a_title_or_a_role_before_a_name_makes_a_person_and_a_subject() -> None:
    text = (
        "U.S. President Dan Hart will meet Kim in the spring.\n"
        "Foreign Ministry spokesperson Lu Wen gave no details. But he said a visit would be "
        "“announced in due course.”\n"
        "“We are ready,” Hart said on Monday.\n"
        "Liberal MP Marco Menzi — a former prosecutor — went on CBC later in the day.\n"
        "“Neither directed, nor pressured,” he said."
    )
    assert speakers(text) == ["Lu Wen", "Dan Hart", "Marco Menzi"]


# -- a report inside a report: the outer speaker's words -----------------------------------


def test_a_clause_inside_an_earlier_reporting_clause_is_reported_by_its_speaker() -> None:
    text = (
        "Commissioner Ann Stubbe spoke in Smithers. Stubbe said there is no timeline.\n"
        "She said RCMP will maintain a presence and will move to a “scaled down presence.”\n"
        "Ministry spokeswoman Hua Lanying shot back on Tuesday.\n"
        "Hua told reporters at a briefing that China expresses “our strong dissatisfaction” "
        "and is warning its citizens."
    )
    rows = [(r["speaker"], r["speaker_surface"]) for r in quotes(text)]
    assert rows == [("Ann Stubbe", "She"), ("Hua Lanying", "Hua")]


# -- 6. a short quote in a reported sentence is the speaker's word -----------------------------


def test_short_quote_after_a_or_his_in_a_reported_sentence_is_partial() -> None:
    text = (
        "Dr. Dale Marten said a crackdown will often be followed by a “flood” of patients. "
        "Police said the gunman told them killers were his “idols.”"
    )
    rows = [(r["kind"], r["speaker"]) for r in quotes(text)]
    assert rows == [("partial", "Dale Marten"), ("partial", "Police")]


def test_short_quote_after_the_or_a_number_stays_a_label() -> None:
    text = "Minister Ana Petrovic said Serbia will not recognise the two “republics” there."
    assert [(r["kind"], r["speaker"]) for r in quotes(text)] == [("scare", None)]


def test_a_description_of_a_thing_before_of_is_no_speaker() -> None:
    text = (
        "Mr. Lund has said that the support of NATO member states will be a “red line” "
        "for Moscow."
    )
    assert [r["speaker"] for r in quotes(text)] != ["the support of NATO member"]


# -- 5. a speaker is a name or a whole noun phrase, never a fragment ---------------------------


def test_an_office_of_a_place_gives_the_name_in_apposition() -> None:
    text = (
        "Members of the South Wales Council have doubts.\n"
        "The Archbishop of Wales, Barry Morton, said that “donation ought to be a gift.”"
    )
    assert speakers(text) == ["Barry Morton"]


def test_a_name_after_of_or_for_in_a_role_gives_the_name_in_apposition() -> None:
    text = (
        "The rule is old.\n"
        "The former mayor of Dunmore, Piet Laar, has also called it “unfair and silly”.\n"
        "A spokesman for Oxfam, Jo Bell, said: “It must go.”"
    )
    rows = quotes(text)
    assert [r["speaker"] for r in rows] == ["Piet Laar", "Jo Bell"]
    assert [r["speaker_role"] for r in rows] == ["former mayor of Dunmore", "spokesman for Oxfam"]


def test_a_title_left_before_a_surname_is_no_forename() -> None:
    # "Ruritanian Foreign Minister Varga": the country and "Foreign" cut off leave the
    # title, which is no part of the name
    text = (
        "On May 2, Ruritanian Foreign Minister Varga said the vote was void. Varga is new. "
        "Although he cited the charter, he called the plan “a farce”."
    )
    assert speakers(text) == ["Varga"]


def test_a_surname_with_a_particle_resolves_to_the_full_name() -> None:
    text = (
        "Hakima el-Haite is the environment minister. “We import our energy,” el-Haite "
        "told reporters.\n"
        "Robert van Otterdijk works for the agency. “It is hard,” said van Otterdijk.\n"
        "Maria van der Hoeven leads the agency. Van der Hoeven said: “Gas is cheap.”"
    )
    assert speakers(text) == ["Hakima el-Haite", "Robert van Otterdijk", "Maria van der Hoeven"]


def test_a_person_described_with_capitalised_words_is_a_description() -> None:
    # "the British number one", "the Labour leader": descriptions, resolved through an
    # apposition or a person given that title with the same capitalised words
    text = (
        "Other players agreed. The British number one, Andy Murray, said: “It is hot.”\n"
        "Later, Obama met Labour leader Jeremy Corbyn. Then he met President Ada Lind, a "
        "former party leader. “We agree,” Lind said.\n"
        "The Labour leader said the talks were “excellent”."
    )
    assert speakers(text) == ["Andy Murray", "Ada Lind", "Jeremy Corbyn"]


def test_an_inverted_clause_with_a_description_before_the_quote() -> None:
    text = (
        "Dana Roe wrote a book that nobody will read for a century.\n"
        "It is now, says the novelist, “as gone from me as a coin dropped in a river”.\n"
        "It is a chance, say the architects, for the town to “reinvent itself”."
    )
    assert speakers(text) == ["Dana Roe", "the architects"]


def test_a_name_given_by_called_or_named_is_the_speaker() -> None:
    text = (
        "Many people applied.\n"
        "A Canadian woman called Rita, who gave her age as 32, told the firm it was a "
        "“childhood dream” of hers.\n"
        "A senator called Trump “a liar”."
    )
    assert speakers(text) == ["Rita", "a senator"]


def test_a_birthplace_before_a_name_is_no_part_of_it() -> None:
    text = "Many agree.\nDublin-born Helena Hart, 32, said: “I live well.”"
    rows = quotes(text)
    assert [(r["speaker"], r["speaker_role"]) for r in rows] == [("Helena Hart", "Dublin-born")]


def test_a_base_verb_after_a_singular_description_is_a_noun() -> None:
    text = (
        "Fans at PSV launched a vehement protest against the plan, holding banners like "
        "“No wi-fi. Support the team.” In Gothenburg the beer is “almost extinct,” the "
        "women say."
    )
    rows = [(r["kind"], r["speaker"]) for r in quotes(text)]
    assert ("partial", "the women") in rows
    assert all(speaker != "a vehement" for _, speaker in rows)


def test_a_base_verb_after_a_possessive_description_is_a_noun() -> None:
    # "in charge of India’s most sensitive state": a noun, no reporting verb
    text = (
        "“It’s a source of frustration,” admitted Ravi Menon, who has run Ferland’s "
        "busiest state since 2009. “Today, the rules are void.”"
    )
    assert speakers(text) == ["Ravi Menon", "Ravi Menon"]


def test_a_plural_description_is_no_one_person() -> None:
    text = (
        "Elin Carlsson runs the bar in town. “We brew for everyone,” says Carlsson.\n"
        "In Gothenburg the old lager is “almost extinct,” the women say.\n"
        "Nina Berg was arrested. “It was a mistake,” the police said."
    )
    assert speakers(text) == ["Elin Carlsson", "the women", "the police"]


def test_the_report_is_the_institution_that_wrote_it() -> None:
    text = (
        "Tourism could earn $400m a year, said a WWF report.\n"
        "“The park is home to 3,000 kinds of animals,” says the report."
    )
    assert speakers(text)[-1] == "WWF"


def test_it_after_a_quote_is_the_institution_named_last_as_a_speaker() -> None:
    # "it" stands for an institution, as "he" and "she" never do; no institution, no one
    text = (
        "The Harbour Authority said on Monday it would close the pier.\n"
        "“We apologise for the delay,” it said in a statement.\n\n"
        "Jo Roe runs a cafe there. “It is bad for trade,” it is said.\n\n"
        "Dale Pike said the ban was wrong. Glen Valley Council issued a statement on Friday. "
        "“The ban will stay,” it said.\n\n"
        "A Sea Watch report said the cull failed. “Sharks do not stay,” it said.\n\n"
        "Jo Roe read a Tide Trust report. “Fish are gone,” the report says. “Boats idle,” it says."
    )
    assert speakers(text) == [
        "Harbour Authority", None, "Glen Valley Council", "Sea Watch", "Tide Trust", "Tide Trust"
    ]


def test_a_span_of_time_is_no_speaker() -> None:
    text = (
        "Her doctor was surprised.\n"
        "She recalls a nurse who saw her a few years back, who said she looked young: "
        "“I said, thank you, nurse.”\n"
        "The week before, a doctor had seen her. Two days later said it all: “You are fit.”"
    )
    assert not any(
        speaker and ("years" in speaker or "days" in speaker) for speaker in speakers(text)
    )


def test_a_page_widget_run_into_the_text_is_no_speaker() -> None:
    text = (
        "The agency suggested limits on “free” sugars.  Story continues below advertisement  "
        "Amanda Nish, nutrition manager with Heart and Stroke in Manitoba, said the rules are "
        "welcome.  “Sugary drinks have no health benefits,” she said."
    )
    assert speakers(text)[-1] == "Amanda Nish"
