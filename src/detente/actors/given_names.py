"""Given names: a capitalised given name right before a state's name makes it a person's surname.

"Lisa Monaco" (a US deputy attorney general), "Steve Israel" (a US congressman), "John Ireland",
"Denzel Washington": news writes people whose surname is a state's name or a capital's, and the
mention matcher would read the state. :func:`given_name_before` says when the word right before
a match (one space away) is a common given name, so that the matcher drops the state there.

Choices:
- The list is of common given names as published in name statistics (the US Social Security
  Administration's most frequent given names of the last decades, the UK Office for National
  Statistics' baby-name lists) and first names frequent among politicians in international news,
  written out here as a fact list. It leaves out given names that are also ordinary English words
  a sentence may open with or a title may hold ("Will", "May", "Mark", "Grace", "Hope", "Bill",
  "Frank", "Rose", "June", "Major", "King", "Prince", "Christian", "Guy", "Dean", "Chase"), and
  names that are also places ("Virginia", "Georgia", "Florence", "Sydney", "Victoria", "Austin",
  "Jordan", "Chad", "India", "Israel", "Paris", "Sofia", "Cuba"): "Arlington, Virginia" must not
  hide the Pentagon after it. A state whose own name is a given name ("Chad Smith", "Jordan
  Bardella") is a ``guarded`` name instead (:mod:`detente.actors.mentions`).
- Only the word right before counts: the surname side. On the development sets (session 18's count
  of every state name, metonym or title right after a capitalised word that is no actor) this
  occurred once, "Lisa Monaco"; every other capitalised word before a state was a sentence opener,
  a month, an organisation's word ("Air France", "Statistics Canada") or a direction. The list is
  therefore a guard against a rare, plainly wrong reading, not a recall rule.
- Any registered name or metonym counts, not only a state's: "Abdel Fatah al-Sisi" no longer names the Fatah party
  (news_dev4 b). Pooled development sets (session 18): those two mentions dropped, no coded event changed.
"""

from __future__ import annotations

GIVEN_NAMES: frozenset[str] = frozenset(
    # English given names, most frequent (US SSA and UK ONS lists), without English words and places
    "James John Robert Michael David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony "
    "Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey "
    "Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory "
    "Alexander Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter "
    "Kyle Noah Ethan Jeremy Walter Keith Roger Terry Harold Sean Carl Arthur Lawrence "
    "Dylan Jesse Bryan Joe Billy Bruce Gabriel Logan Albert Willie Alan Eugene Russell Vincent "
    "Philip Bobby Johnny Bradley Roy Ralph Randy Louis Wayne Howard Fred Jim Jimmy Tom Tony Steve Mike "
    "Dave Dan Ted Ben Sam Nick Chris Rob Bob Greg Jeff Josh Matt Andy Tim Ron Ed Ken Kenny Jon Liam Oliver "
    "Lucas Mason Elijah Leo Hugo Oscar Harry Charlie Alfie Freddie Archie Theo Rishi Boris Keir Nigel "
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra "
    "Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon "
    "Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine "
    "Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Kelly "
    "Christina Lauren Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa "
    "Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Denise Amber Doris Marilyn "
    "Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Hillary "
    "Hilary Condoleezza Madeleine Kamala Kristi Tulsi Liz Kate Jane Ann Anne Ellen Susanne Nikki "
    # first names frequent among politicians and officials in international news
    "Vladimir Sergei Sergey Dmitry Dmitri Alexei Alexey Nikolai Yuri Mikhail Andrei Andriy Volodymyr "
    "Petro Viktor Oleksandr Olaf Emmanuel Ursula Josep Antonio Giorgia Mario Matteo Pedro Jair "
    "Luiz Javier Gustavo Andres Nicolas Recep Mevlut Hakan Yair Naftali Yoav Mahmoud Ismail "
    "Abdel Mohammed Muhammad Mohammad Ahmed Ahmad Ali Hassan Hussein Ibrahim Abdullah Khalid Faisal "
    "Narendra Rahul Imran Shehbaz Nawaz Fumio Shinzo Yoshihide Shigeru "
    "Jacinda Malcolm Cyril Thabo Uhuru William Bola Muhammadu "
    "Abiy Felix Yoweri Emmerson Alassane Macky Jens Nicola".split()
) - frozenset(
    # words dropped above on purpose, kept here so a later edit of the list cannot bring them back
    "Will May Mark Grace Hope Bill Frank Rose June Major King Prince Christian Guy Dean Chase Virginia "
    "Georgia Florence Sydney Victoria Austin Jordan Chad India Israel Paris Sofia Cuba".split()
)
"""Common given names (see the module's Choices for the sources and what is left out)."""


def given_name_before(text: str, start: int) -> bool:
    """Whether the word right before `start` (one space away) is a given name of :data:`GIVEN_NAMES`:
    "Lisa Monaco" -> True at "Monaco"; "in Monaco", "Prince Albert of Monaco" -> False."""
    if start < 2 or text[start - 1] != " ":
        return False
    word_start = start - 1
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    if word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "-'’"):
        return False  # "Jean-Lisa", "O'Lisa": not a plain word
    return text[word_start:start - 1] in GIVEN_NAMES
