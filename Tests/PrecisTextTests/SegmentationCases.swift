/// Hard cases for news sentence segmentation: each input with the sentences it must give.
/// Written for Precis; the stories and names are invented.
let segmentationCases: [(String, [String])] = [
    // Titles and honorifics never end a sentence.
    ("Mr. Oduya said the vote was close.", ["Mr. Oduya said the vote was close."]),
    ("Mrs. Lind and Dr. Aras met on Friday. They agreed.", ["Mrs. Lind and Dr. Aras met on Friday.", "They agreed."]),
    ("Gen. Tomas Vey, the army chief, resigned.", ["Gen. Tomas Vey, the army chief, resigned."]),
    ("Sen. Ruiz and Rep. Hale voted no. The bill failed.", ["Sen. Ruiz and Rep. Hale voted no.", "The bill failed."]),
    ("Prof. Ilse Marr teaches law. Ms. Marr declined to comment.", ["Prof. Ilse Marr teaches law.", "Ms. Marr declined to comment."]),
    ("Gov. Perrin signed it. Lt. Col. Ames objected.", ["Gov. Perrin signed it.", "Lt. Col. Ames objected."]),
    // Dotted acronyms inside and at the end of sentences.
    ("The U.S. delegation walked out.", ["The U.S. delegation walked out."]),
    ("The plan was backed by the U.S. The vote is next week.", ["The plan was backed by the U.S.", "The vote is next week."]),
    ("U.N. officials met U.S. envoys in Geneva.", ["U.N. officials met U.S. envoys in Geneva."]),
    ("The U.N. Security Council met. It adjourned.", ["The U.N. Security Council met.", "It adjourned."]),
    ("He moved to the U.K. He never returned.", ["He moved to the U.K.", "He never returned."]),
    ("Talks run from 9 a.m. to 5 p.m. on weekdays.", ["Talks run from 9 a.m. to 5 p.m. on weekdays."]),
    ("The meeting ended at 11 p.m. Delegates left quietly.", ["The meeting ended at 11 p.m.", "Delegates left quietly."]),
    ("The meeting ended at 11 p.m. The delegates left.", ["The meeting ended at 11 p.m.", "The delegates left."]),
    ("Some states, e.g. Norland, abstained.", ["Some states, e.g. Norland, abstained."]),
    ("Several envoys (i.e. the Nordic ones) left.", ["Several envoys (i.e. the Nordic ones) left."]),
    ("Washington, D.C. is quiet. Nobody expected that.", ["Washington, D.C. is quiet.", "Nobody expected that."]),
    // Months and other abbreviations before numbers and names.
    ("The report came out on Feb. 17 and was debated on Dec. 18.", ["The report came out on Feb. 17 and was debated on Dec. 18."]),
    ("It is due on Nov. 5. Nobody expects a delay.", ["It is due on Nov. 5.", "Nobody expects a delay."]),
    ("Item No. 4 was dropped. No. 5 passed.", ["Item No. 4 was dropped.", "No. 5 passed."]),
    ("Shares of Velto Inc. rose 3 percent.", ["Shares of Velto Inc. rose 3 percent."]),
    ("The maker is Velto Inc. The firm declined to comment.", ["The maker is Velto Inc.", "The firm declined to comment."]),
    ("He lives on Harbor St. in Calder.", ["He lives on Harbor St. in Calder."]),
    ("They visited St. Ives last year.", ["They visited St. Ives last year."]),
    ("Pens, paper, etc. were supplied.", ["Pens, paper, etc. were supplied."]),
    ("He bought pens, paper, etc. Then he left.", ["He bought pens, paper, etc.", "Then he left."]),
    ("The case is Marr vs. Lind.", ["The case is Marr vs. Lind."]),
    ("Tollan et al. published the data in May.", ["Tollan et al. published the data in May."]),
    ("He was born in Calif. in 1970.", ["He was born in Calif. in 1970."]),
    // Common words that look like abbreviations are not taken for them.
    ("He felt ill. Doctors kept him overnight.", ["He felt ill.", "Doctors kept him overnight."]),
    ("They sat in the sun. Police arrived later.", ["They sat in the sun.", "Police arrived later."]),
    ("She answered no. Critics were surprised.", ["She answered no.", "Critics were surprised."]),
    // Initials.
    ("J. R. Tallis wrote the report.", ["J. R. Tallis wrote the report."]),
    ("President George W. Bush spoke first.", ["President George W. Bush spoke first."]),
    ("The letter was signed by A. Okafor. It was dated May 2.", ["The letter was signed by A. Okafor.", "It was dated May 2."]),
    // Numbers.
    ("Growth slowed to 3.5 percent in the quarter.", ["Growth slowed to 3.5 percent in the quarter."]),
    ("Up to 120,000 people are held in camps. Most are farmers.", ["Up to 120,000 people are held in camps.", "Most are farmers."]),
    ("The fund holds $2.5 billion. It grew 4.2% last year.", ["The fund holds $2.5 billion.", "It grew 4.2% last year."]),
    ("The vote was 111 to 19. 55 countries abstained.", ["The vote was 111 to 19.", "55 countries abstained."]),
    ("Version 2.0.1 ships today.", ["Version 2.0.1 ships today."]),
    ("It closed at 7.10pm on Thursday.", ["It closed at 7.10pm on Thursday."]),
    // Quotes and brackets that close after the full stop.
    ("“We will not attend,” he told AFP.", ["“We will not attend,” he told AFP."]),
    ("“We will not attend.” He hung up.", ["“We will not attend.”", "He hung up."]),
    ("\"We will not attend.\" He hung up.", ["\"We will not attend.\"", "He hung up."]),
    ("He called it a “moment of truth.” Others disagreed.", ["He called it a “moment of truth.”", "Others disagreed."]),
    ("“Why now?” she asked. Nobody answered.", ["“Why now?” she asked.", "Nobody answered."]),
    ("“Stop!” the guard shouted.", ["“Stop!” the guard shouted."]),
    // A chant or a short cry inside a sentence that goes on after it.
    (
        "Dozens of dockers chanting “Wages! Wages!” blocked the Calder quay. Police watched.",
        ["Dozens of dockers chanting “Wages! Wages!” blocked the Calder quay.", "Police watched."]
    ),
    ("“Run! Now!” the pilot shouted.", ["“Run! Now!” the pilot shouted."]),
    // A quotation that goes on for longer is sentences of its own.
    (
        "“We are done! The port will never reopen as it was,” she said.",
        ["“We are done!", "The port will never reopen as it was,” she said."]
    ),
    ("He shouted: “Help! The boat is sinking!” Nobody came.", ["He shouted: “Help!", "The boat is sinking!”", "Nobody came."]),
    ("The mayor resigned. (She denied any wrongdoing.) An inquiry began.", ["The mayor resigned.", "(She denied any wrongdoing.)", "An inquiry began."]),
    ("The figure (about 40 percent) was disputed.", ["The figure (about 40 percent) was disputed."]),
    ("‘It is over,’ she said. ‘We lost.’", ["‘It is over,’ she said.", "‘We lost.’"]),
    ("He said: “The talks are over. We are leaving.” Then he left.", ["He said: “The talks are over.", "We are leaving.”", "Then he left."]),
    // Question and exclamation marks.
    ("Is it over? Not yet.", ["Is it over?", "Not yet."]),
    ("What now?! Nobody knows.", ["What now?!", "Nobody knows."]),
    ("It worked! The crowd cheered.", ["It worked!", "The crowd cheered."]),
    // Ellipses.
    ("He paused... Then he went on.", ["He paused...", "Then he went on."]),
    ("He paused… Then he went on.", ["He paused…", "Then he went on."]),
    ("It was... unusual, she said.", ["It was... unusual, she said."]),
    ("“We will see …” he said.", ["“We will see …” he said."]),
    ("Give the papers to . . . the embassy, he wrote.", ["Give the papers to . . . the embassy, he wrote."]),
    ("He waited. . . . Nobody came.", ["He waited. . . .", "Nobody came."]),
    // Lines: headlines, list items and paragraph breaks.
    ("Storm closes Calder port\n\nThe port shut on Monday.", ["Storm closes Calder port", "The port shut on Monday."]),
    ("Key points\n- Port closed\n- Ferries cancelled", ["Key points", "- Port closed", "- Ferries cancelled"]),
    ("• Port closed\n• Ferries cancelled", ["• Port closed", "• Ferries cancelled"]),
    ("The port shut\non Monday after the storm.", ["The port shut\non Monday after the storm."]),
    ("First paragraph ends here.\n\nSecond one starts.", ["First paragraph ends here.", "Second one starts."]),
    ("A line without a stop\nAnother line", ["A line without a stop", "Another line"]),
    ("– Defended by Calder –\n\nThe envoy spoke.", ["– Defended by Calder –", "The envoy spoke."]),
    // Text glued without spaces, as some scrapers leave it.
    ("The court ruled.Outraged, the envoy left.", ["The court ruled.", "Outraged, the envoy left."]),
    // A title after a glued full stop starts a name, and a sentence (the seeds' "in response.Mr. Choe").
    ("It might act in response.Mr. Marr, an adviser, also spoke.", ["It might act in response.", "Mr. Marr, an adviser, also spoke."]),
    ("They met at the U.S.Army base.", ["They met at the U.S.Army base."]),
    ("The last berth closes in 2029.“We will keep it open,” she said.", ["The last berth closes in 2029.", "“We will keep it open,” she said."]),
    ("It cost $3.5 million.", ["It cost $3.5 million."]),
    ("It is an “insidious plot.”The envoy left.", ["It is an “insidious plot.”", "The envoy left."]),
    ("A quake could strike soon.\"They are looking back in time,\" he said.", ["A quake could strike soon.", "\"They are looking back in time,\" he said."]),
    ("She called it \"a plot.\"Nobody agreed.", ["She called it \"a plot.\"", "Nobody agreed."]),
    // A glued quotation opening on "I" or "A": a one-letter word opens a sentence too.
    ("The ferry sails next week.\"I think it is safe,\" she said.", ["The ferry sails next week.", "\"I think it is safe,\" she said."]),
    ("“The pier is closed.”“I'm sorry,” he said.", ["“The pier is closed.”", "“I'm sorry,” he said."]),
    ("The tide rose quickly.A boat was lost.", ["The tide rose quickly.", "A boat was lost."]),
    ("Their plan B.I think not.", ["Their plan B.I think not."]),
    ("Visit calder.gov.example for details.", ["Visit calder.gov.example for details."]),
    ("The U.S.-led plan failed.", ["The U.S.-led plan failed."]),
    // Apostrophes, dashes and odd spacing.
    ("The port's owners – two brothers – sold it. Rivals bought it.", ["The port's owners – two brothers – sold it.", "Rivals bought it."]),
    ("Sales rose.  Costs fell.", ["Sales rose.", "Costs fell."]),
    ("  Leading spaces are trimmed.  ", ["Leading spaces are trimmed."]),
    ("No final stop", ["No final stop"]),
    ("iPhone sales rose. eBay fell.", ["iPhone sales rose.", "eBay fell."]),
    ("", []),
    ("...", ["..."])
]

/// Clock times: a capitalised word after "p.m." opens a sentence unless it is a day, month or zone.
let clockTimeCases: [(String, [String])] = [
    ("The vote is at 5 p.m. Friday in Calder.", ["The vote is at 5 p.m. Friday in Calder."]),
    ("It starts at 2 p.m. EST sharp.", ["It starts at 2 p.m. EST sharp."]),
    ("Polls closed at 8 p.m. Officials began counting.", ["Polls closed at 8 p.m.", "Officials began counting."])
]
