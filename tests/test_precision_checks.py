"""Context checks keep article text when their second piece of evidence is missing."""
from cleaner.stages import classify, revise
from cleaner.document import DROP, Document
from cleaner.rules import load_rules

RULES = load_rules()


def clean(lines: list[str], dropped_first: bool = False) -> list[tuple[str, str]]:
    doc = Document.from_lines(lines)
    classify(doc, RULES)
    if dropped_first:  # as page mode drops a title printed above the article region
        doc.lines[0].decide(DROP, "page/outside-article", "page", "revise")
    revise(doc, RULES)
    return [(line.action, line.rule) for line in doc.lines]


def test_a_copy_of_a_dropped_line_is_not_a_duplicate():
    title = "Harbour authority backs the new ferry timetable"
    body = "The harbour authority said on Monday that the ferries would run every twenty minutes from May."
    actions = clean([title, "", title, "", body], dropped_first=True)
    assert actions[2] == ("keep", "")  # the headline stays once


def test_a_copy_of_a_kept_line_is_a_duplicate():
    title = "Harbour authority backs the new ferry timetable"
    body = "The harbour authority said on Monday that the ferries would run every twenty minutes from May."
    actions = clean([title, "", title, "", body])
    assert actions[2] == ("drop", "duplicates/repeated-paragraph")


def test_auto_mode_knows_a_page_by_the_menus_at_its_top():
    """A page whose long comment thread makes most lines long still opens with its
    <title> and menus; an article with as many long lines opens with its paragraphs."""
    from cleaner.kinds.page import looks_like_page

    menus = ["Harbour news - Town Daily"] + ["Home", "News", "Sport", "Local", "Weather", "Opinion"] * 5
    thread = [f"Comment {k}: I take this ferry every day and the new timetable will make my mornings far easier."
              for k in range(60)]
    article = [f"Paragraph {k} of the story says what the harbour authority decided and why it matters here."
               for k in range(31)]
    assert looks_like_page(Document.from_lines(menus + thread), strict=True)
    assert not looks_like_page(Document.from_lines(article + ["Home", "News", "Sport"] * 10 + thread), strict=True)


def _page(lines: list[str]) -> str:
    from cleaner import Cleaner, Config

    return Cleaner(Config(mode="page")).clean("\n".join(lines))


MENU_TOP = ["Skip to content", "", "Town Daily", ""] + ["Home", "News", "Sport", "Local", "Weather", "Opinion",
                                                      "Culture", "Travel", "Food", "Video", "Jobs", "Events"] * 2
BODY = ["The council approved the budget on Monday after a long debate about the state of the schools.", "",
        "The mayor said the plan would be paid for by savings and by a small rise in fees next year.", "",
        "Opposition members said the rise would fall hardest on families who already pay the most.", "",
        "The budget also sets aside money for road repairs that were put off during the winter storms.", ""]
FOOT = ["Most read", "Storm closes coastal road", "Ferry fares to rise in spring", "About us", "Contact",
        "Careers", "Advertise", "Privacy", "Terms", "Archive", "Sitemap", "Help"] * 2


def test_a_page_without_a_title_keeps_the_headline_above_its_byline():
    """A dump with no <title> line: the headline is found by the byline and date under it,
    passing over share buttons, a place name and a caption."""
    head = ["Council approves budget for the town's schools after long debate", "",
            "Share on Facebook", "Share on Twitter", "", "Ann Lee", "Harbourtown", "14.05.2024 | 06:00", ""]
    out = _page(MENU_TOP + [""] + head + BODY + FOOT)
    assert out.startswith("Council approves budget for the town's schools after long debate\n\nAnn Lee\n")


def test_a_teaser_list_above_a_body_is_no_headline():
    """Teaser headlines above the body have no byline or date under them: none is taken."""
    teasers = ["Storm closes the coastal road for the second time this week", "",
               "Ferry fares to rise in spring as fuel costs climb again", ""]
    out = _page(MENU_TOP + [""] + teasers + BODY + FOOT)
    assert "Ferry fares" not in out and "Storm closes" not in out


def test_a_site_name_is_no_headline_and_long_title_case_teasers_are_no_body():
    """The <title> names the site ('... | Harbour Review') and a header prints the site's
    name, then a list of long headlines in Title Case, then the article: the site's name
    is not taken for the headline, the teaser list is not read as article prose, and the
    headline is found by the byline under it."""
    title = ["Council Spending Row: Mayor Defends the Budget against Critics | Harbour Review", ""]
    header = ["Harbour Review", "", "Donate", "Subscribe", "Search Harbour Review", ""]
    teasers = ["Ferry Operator Says New Timetable Will Cut Waiting Times for Commuters on Every Route Next Spring",
               "Harbour Authority Approves Plans for a New Terminal Building after a Decade of Delays and Disputes",
               "Local School Wins National Award for Its Science Programme and Plans to Share Its Methods",
               "Storm Damage to the Coastal Road Will Take Months to Repair, Engineers Warn the County Council"]
    head = ["", "The Budget Fight", "", "By Ann Lee", "", "Nov. 19, 2019 6:30 AM", ""]
    out = _page(title + MENU_TOP + header + [line for t in teasers for line in (t, "")] + head + BODY + FOOT)
    assert "\n\nThe Budget Fight\n\nBy Ann Lee\n" in out  # (the <title> above stands in, as it does
    assert "Ferry Operator" not in out and "\nHarbour Review\n" not in out  # whenever the title differs)


def test_an_authors_bare_name_next_to_the_date_stays():
    """Between headline and body, a bare name beside the date (printed twice, as text and
    as a link) is the byline; a one-word label there still goes."""
    title = ["Council approves budget for the town's schools - Town Daily", ""]
    head = ["Council approves budget for the town's schools", "", "October 30, 2012 2:39 PM",
            "Ann Lindqvist", "Ann Lindqvist", "", "Print", ""]
    out = _page(title + MENU_TOP + [""] + head + BODY + FOOT)
    assert "2:39 PM\nAnn Lindqvist\nAnn Lindqvist\n" in out and "Print" not in out


def test_a_page_with_too_little_prose_is_left_to_the_other_rules():
    """A recipe's page: a one-line summary, then ingredients and steps as labels and
    quantities. The stretch of prose is under ``min_body_words`` words: page mode cannot
    tell the article from the page and cuts nothing (the catalogue's rules still judge
    each line). The same page with a story's paragraphs near the summary is cut."""
    title = ["Honey muffins - Town Daily Recipes", ""]
    recipe = ["Honey muffins", "", "Soft muffins with a honey glaze.", "", "Ingredients", "",
              "250 g flour", "100 g butter", "50 g sugar", "2 eggs", "1 tbsp honey", "", "Method", "",
              "Mix", "Whisk the flour.", "Bake", "Bake for 15 minutes.", ""]
    out = _page(title + MENU_TOP + [""] + recipe + FOOT)
    assert "250 g flour\n100 g butter" in out and "Whisk the flour." in out and "Ingredients" in out
    cut = _page(title + MENU_TOP + [""] + recipe[:4] + BODY + FOOT)
    assert "Soft muffins with a honey glaze." in cut and "Weather" not in cut and "Sitemap" not in cut


def test_a_headline_longer_than_the_title_anchors_the_article():
    """The <title> shortens the headline ('Council approves budget - Town Daily' over
    'Council approves budget for the schools'); the exact title stands again in a sidebar
    below, above a long privacy dialog. The headline with the words added anchors the
    article, not the sidebar's copy."""
    title = ["Council approves budget - Town Daily", ""]
    head = ["Council approves budget for the schools", "", "By Ann Lee", ""]
    sidebar = ["Latest stories", "Council approves budget", "Ferry fares to rise in spring", ""]
    dialog = ["We use cookies and similar tools that are needed to let you use the site, to see how "
              "visitors use it and to improve it over time.", "",
              "You may allow or refuse each kind of cookie below; refusing some of them may make parts "
              "of the site work less well than they should.", "",
              "Cookies that measure visits are set only with your consent, and they are kept for no "
              "longer than thirteen months before they are removed.", "",
              "You can change your choice at any time on the privacy page, where all the cookies the "
              "site uses are listed with what each of them does.", ""] * 2
    labels = ["Batteries", "Recycling", "Storage", "Mining", "Charging", "Research"] * 4
    out = _page(title + MENU_TOP + [""] + head + BODY + labels + sidebar + dialog)
    assert out.startswith("Council approves budget for the schools\n\nBy Ann Lee\n\nThe council approved")
    assert "Ferry fares" not in out and "Recycling" not in out


def test_more_labels_than_a_head_holds_are_a_list_left_alone():
    """Short lines above a headline-like line are a site's head labels, up to head-labels'
    ``max_lines`` (100); a longer stretch is a list of the document (an index, a
    glossary), and the kind stops reading there."""
    from cleaner import Cleaner, Config

    story = ["Council approves budget for the town's schools", "",
             "The council approved the budget on Monday after a long debate about the schools.", ""]
    index = [f"Entry {i}" for i in range(150)]
    cleaned = Cleaner(Config(mode="article")).run("\n".join(index + story))
    assert not any(v.rule == "navigation/head-labels" for v in cleaned.trace)
    head = Cleaner(Config(mode="article")).run("\n".join(["Town Daily", "Local News", "Schools"] + story))
    assert [v.text for v in head.trace if v.rule == "navigation/head-labels"] == ["Town Daily", "Local News", "Schools"]


def test_auto_mode_needs_the_sites_chrome_before_it_cuts_a_page():
    """Extractor output that is merely list-shaped (a tutorial whose queries and result
    rows make most of its lines short) is no page dump: without two lines of the site's
    chrome that the catalogue knows (menus, footer, share bar), --mode auto reads it as an
    article, and page mode's cut (which kept the first four lines) does not happen. The same text inside a site's menus and footer is a
    page, and its chrome goes."""
    from cleaner import Cleaner, Config

    tutorial = ["Finding the odd value in a series of sensor readings takes less than you would think.",
                "All it needs is a mean, a deviation and a query that flags the readings outside the range.",
                "The examples below run on any database that knows the two functions; the numbers are made up."]
    for k in range(4):
        tutorial += [f"Step {k + 1} works out one more figure about the readings, and the query below shows how.",
                     "WITH series AS (", "SELECT *", "FROM readings AS n", "),", "stats AS (", "SELECT",
                     f"avg(n) + {k} * stddev(n) AS bound_{k}", "FROM", "series", ")", "SELECT", "n,",
                     f"n > bound_{k} AS is_odd", "FROM", "series,", "stats;", "n | is_odd"]
        tutorial += [f"{v} | {'t' if v == 12 else 'f'}" for v in (2, 3, 5, 2, 3, 12, 5, 3, 4)]
    auto = Cleaner(Config(mode="auto"))
    text = "\n".join(tutorial)
    assert auto.clean(text) == Cleaner(Config(mode="article")).clean(text), "read as an article"
    assert "n > bound_3 AS is_odd" in auto.clean(text) and auto.clean(text).rstrip().endswith("4 | f")
    page = ["Skip to content", "Home", "News", "Sport", "Share on Facebook", "Share on Twitter"] + tutorial \
        + ["About us", "Contact", "Privacy policy", "Terms of use", "© 2024 Town Daily"]
    out = auto.clean("\n".join(page))
    assert "Skip to content" not in out and "Privacy policy" not in out and tutorial[0] in out


ABOUT = ["", "Town Daily has reported on the harbour, its ferries, its markets and its council since 1898, "
         "and it is read in every village along the coast from the river to the lighthouse.", ""]
WRAPPED = ["Harbourtown, 14 May 2024. The water board will raise the dyke",
           "along the old harbour by half a metre before the winter, after",
           "two storm tides came within a hand of its crest in March and",
           "flooded the cellars of the fish market.", "",
           "Work starts in June and closes the quay path for three months;",
           "cyclists are sent round by the market square, where a crossing",
           "with lights is put in for them while the diggers are at work on",
           "the dyke.", ""]


def test_a_paragraph_wrapped_by_hand_is_prose():
    """A press release wrapped at 60 characters: no line is a sentence and none has the
    words of a paragraph, but adjacent lines of a wrap's width that go on in lower case
    and end on a sentence are one paragraph, and the article's stretch holds them, not
    the site's paragraph about itself below (the only prose the page had without them)."""
    title = ["Dyke to be raised before winter - Town Daily", ""]
    head = ["Dyke to be raised before winter", ""]
    out = _page(title + MENU_TOP + [""] + head + WRAPPED + FOOT + ABOUT)
    assert "\n".join(WRAPPED[:4]) in out and "\n".join(WRAPPED[5:9]) in out and "Sitemap" not in out


def test_teaser_headlines_of_a_wraps_width_are_no_wrapped_paragraph():
    """Near miss: teaser headlines of similar length in adjacent lines begin with a capital
    and end on no sentence; they stay labels and go with the page around the article."""
    teasers = ["Storm closes the coastal road between the harbour and the old town",
               "Ferry fares to rise in spring as the operator counts its rising costs",
               "Council approves a budget for the schools after a long night of debate"]
    title = ["Council approves budget for schools - Town Daily", ""]
    head = ["Council approves budget for schools", ""]
    out = _page(title + MENU_TOP + [""] + head + BODY + ["Most read", ""] + teasers + FOOT + SUMMARIES)
    assert "The budget also sets aside money" in out and not any(t in out for t in teasers)


SUMMARIES = ["", "Storm closes the coastal road", "", "The road between the harbour and the lighthouse was closed on "
             "Sunday night after waves threw stones onto it, and it stays closed until the council has checked it.",
             "", "Ferry fares to rise in spring", "", "The ferry company said on Friday that its fares would rise by "
             "a tenth in April, the first rise in four years, because fuel and wages cost it more.", ""]
VOTES = ["Item 4", "Agenda", "Decision", "Adopted", "",
         "Item 5", "Harbour plan", "Vote count", "For: 12", "Against: 3", "Decision", "Adopted", "",
         "Item 6", "Parking fees", "Vote count", "For: 5", "Against: 10", "Decision", "Rejected", ""]


def test_a_vote_record_under_its_headline_is_the_article():
    """Council vote records: short lines and figures, no prose, so the page's only
    paragraphs (teasers' summaries below) were its densest prose and the record went as
    labels. Under the line that repeats the title, rows of records of two kinds or more
    (a numbered sequence, fields that recur, key and value) are the article."""
    title = ["Council votes of 12 March - Town Daily", ""]
    out = _page(title + MENU_TOP + [""] + ["Council votes of 12 March", ""] + VOTES + FOOT + SUMMARIES)
    assert out.startswith("Council votes of 12 March\n\nItem 4\nAgenda\nDecision\nAdopted\n\nItem 5")
    assert "Item 6\nParking fees\nVote count\nFor: 5\nAgainst: 10\nDecision\nRejected" in out and "Sitemap" not in out


def test_teaser_headlines_under_section_labels_are_no_record():
    """Near miss: under a copy of the title, section labels that recur over teaser
    headlines ('Sport', 'Local') are one kind of record at most, with no data and no
    numbered sequence: they go with the page."""
    title = ["Council votes of 12 March - Town Daily", ""]
    teasers = ["Sport", "Harbour club wins the cup after extra time", "Local", "Market hall to open on Sundays",
               "Sport", "Rowing crew sets a new course record", "Local", "Bridge closed for repairs until May",
               "Sport", "Ferry race returns in June", ""]
    out = _page(title + MENU_TOP + [""] + ["Council votes of 12 March", ""] + teasers + FOOT + SUMMARIES)
    assert "Market hall to open on Sundays" not in out and "Ferry race returns in June" not in out


RECIPE_INTRO = ["My grandmother made these apple dumplings every autumn, and this is how she wrote the recipe "
                "down for us.", ""]
INGREDIENTS = ["As she wrote it on her card", "", "Baked apple dumplings", "", "Serves 4", "", "Fruit:", "200 g apples", "100 g plums", "50 g prunes", "",
               "Other:", "80 g hazelnuts, ground", "Lemon zest, grated", "50 g sugar", "1 egg", "",
               "Coating:", "Flour and egg", "Almond flakes", ""]
METHOD = ["Method:", "", "Peel the apples, stone the plums and prunes and cut them into small cubes.", "",
          "Mix the hazelnuts, the lemon zest and the sugar with the fruit and bind it all with the egg.", "",
          "Form dumplings, roll them in the almond flakes and fry them until they are golden.", ""]


def test_a_recipes_lists_under_one_word_intros_stay_between_its_paragraphs():
    """A recipe's ingredients under one-word intros ('Fruit:', 'Other:') between its intro
    and its method: more short lines than the article may hold between two paragraphs,
    so the method went with the page. Lists under intros whose lines name what the prose
    below them names (the method uses the apples, the plums, the sugar) are the story's."""
    title = ["Apple dumplings - Town Daily", ""]
    head = ["Apple dumplings", ""]
    out = _page(title + MENU_TOP + [""] + head + RECIPE_INTRO + INGREDIENTS + METHOD + FOOT + ABOUT)
    assert "Fruit:\n200 g apples\n100 g plums\n50 g prunes" in out and "Coating:\nFlour and egg" in out
    assert "Serves 4" in out and METHOD[2] in out and METHOD[6] in out and "Sitemap" not in out


def test_a_sites_lists_under_intros_above_its_about_paragraph_still_go():
    """Near miss: under the story, a site's labels and lists under intros ('Sections:',
    'Services:') above the paragraph it writes about itself: the lists do not name what
    that paragraph names (one line of ten shares a word with it), so they go with the page."""
    title = ["Council approves budget for schools - Town Daily", ""]
    head = ["Council approves budget for schools", ""]
    lists = ["Town Daily", "Newsroom", "Print edition", "", "Sections:", "Obituaries", "Classifieds", "Crosswords",
             "", "Services:", "Puzzles", "Horoscopes", "Podcasts", ""]
    out = _page(title + MENU_TOP + [""] + head + BODY + lists + ABOUT + FOOT)
    assert "The budget also sets aside money" in out
    assert not any(line in out.split("\n") for line in lists if line)


def test_a_press_releases_label_under_its_headline_stays():
    """A press release prints its label under its headline ('Pressemitteilung',
    'Persbericht'): between headline and body it is the story's, where other labels of
    two words or fewer go; a menu's 'Press releases' still goes."""
    title = ["Council approves budget for schools - Town Daily", ""]
    head = ["Council approves budget for schools", "", "Press release", ""]
    menu = MENU_TOP + ["Press releases", ""]
    out = _page(title + menu + head + BODY + FOOT)
    assert out.startswith("Council approves budget for schools\n\nPress release\n\nThe council approved")
    assert "Press releases" not in out


def test_a_section_label_under_the_headline_still_goes():
    """Near miss: a section's label of two words or fewer between headline and body is no
    press release's label, and goes as before."""
    title = ["Council approves budget for schools - Town Daily", ""]
    head = ["Council approves budget for schools", "", "Local politics", ""]
    out = _page(title + MENU_TOP + [""] + head + BODY + FOOT)
    assert out.startswith("Council approves budget for schools\n\nThe council approved")


WRAPPED_METHOD = ["Method:", "", "Peel the apples, stone the plums and prunes and cut them into",
                  "small cubes, then mix the hazelnuts, the lemon zest and the sugar",
                  "with the fruit and bind it all with the egg and the flour.", "",
                  "Form dumplings, roll them in the almond flakes and fry them in",
                  "hot fat for about five minutes until they are golden on every",
                  "side, turning them once or twice with a spoon, and then serve",
                  "them warm with a little of the sugar sprinkled over the top.", ""]


def test_a_recipes_lists_stay_above_its_method_wrapped_by_hand():
    """The same recipe with its method wrapped at 65 characters: a wrapped paragraph's
    lines are prose to the widening as they are to the weights, so the lists above it
    and the second paragraph of the method stay."""
    title = ["Apple dumplings - Town Daily", ""]
    head = ["Apple dumplings", ""]
    out = _page(title + MENU_TOP + [""] + head + RECIPE_INTRO + INGREDIENTS + WRAPPED_METHOD + FOOT + ABOUT)
    assert "Other:\n80 g hazelnuts, ground" in out and "\n".join(WRAPPED_METHOD[6:10]) in out and "Sitemap" not in out


TOOLBAR = ["AA", "", "Text Sizes", "", "Medium", "", "Large", "", "Larger", ""]


def test_a_head_block_above_a_toolbar_no_rule_knows_stays_with_the_body():
    """A page without a <title> line prints its headline and byline, then font-size buttons
    the catalogue does not know ('AA', 'Medium', 'Large'), then the body: the headline over
    its byline is taken past the toolbar, whose buttons go."""
    head = ["Harbour Town", "", "Council approves budget for the town's schools after long debate", "",
            "Penulis: Dewi Lestari", "Editor: Budi Santoso"]
    out = _page(MENU_TOP + [""] + head + TOOLBAR + BODY + FOOT)
    assert out.startswith("Council approves budget for the town's schools after long debate\n\n"
                          "Penulis: Dewi Lestari\nEditor: Budi Santoso\n\nThe council approved")
    assert "Medium" not in out and "Larger" not in out and "\nAA\n" not in out


def test_a_menu_or_teaser_list_above_a_toolbar_is_no_head_block():
    """Near miss: with no byline between them and the toolbar, a menu's last items and a
    teaser headline above the body are not taken for the head block; they go with the toolbar."""
    teasers = ["Storm closes the coastal road for the second time this week", ""]
    out = _page(MENU_TOP + [""] + teasers + TOOLBAR + BODY + FOOT)
    assert out.startswith("The council approved") and "Storm closes" not in out and "Medium" not in out


def test_a_comment_counter_under_the_date_does_not_cut_the_head_block():
    """A story's comment counter ('0 Comments') between its date and its body is no comment
    section: the headline over the date stays, and the counter still goes."""
    head = ["Council approves budget for the town's schools after long debate", "", "15/6/2025", "",
            "0 Comments", "", "Picture", "Credit: Ann Lee", ""]
    out = _page(MENU_TOP + [""] + head + BODY + FOOT)
    assert out.startswith("Council approves budget for the town's schools after long debate\n\n15/6/2025\n")
    assert "0 Comments" not in out


def test_a_related_block_between_a_teaser_and_the_body_still_cuts_it():
    """Near miss: a 'Most read' label above the body ends the head block: the dated teaser
    headline above it is no headline of this story and goes with the menus."""
    teaser = ["Storm closes the coastal road for the second time this week", "", "14/6/2025", "", "Most read", ""]
    out = _page(MENU_TOP + [""] + teaser + BODY + FOOT)
    assert out.startswith("The council approved") and "Storm closes" not in out
