import Testing

@testable import PrecisExtract

@Suite struct LanguageGuessTests {
    @Test func readsLangTags() {
        #expect(LanguageGuess.primarySubtag("en-GB") == "en")
        #expect(LanguageGuess.primarySubtag("DE") == "de")
        #expect(LanguageGuess.primarySubtag("") == nil)
        #expect(LanguageGuess.primarySubtag("english!") == nil)
    }

    @Test func recognisesEnglishProseOnly() {
        let english =
            "The council voted on Monday to rebuild the old harbour wall before the winter storms, and the work will take eight months, the engineer said in a statement to the press."
        let german =
            "Der Stadtrat hat am Montag beschlossen, die alte Hafenmauer vor den Winterstürmen neu zu bauen; die Arbeiten dauern acht Monate, sagte der Ingenieur in einer Erklärung."
        #expect(LanguageGuess.guess(english) == "en")
        #expect(LanguageGuess.guess(german) == nil)
        #expect(LanguageGuess.guess("Too short to tell.") == nil)
    }
}
