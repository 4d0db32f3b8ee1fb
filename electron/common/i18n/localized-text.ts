/** The languages Hush speaks. */
export const languages = ['en', 'zh'] as const

/** One of the languages Hush speaks: English or Simplified Chinese. */
export type Language = (typeof languages)[number]

/** A text in every language Hush speaks. */
export type LocalizedText = Readonly<Record<Language, string>>

/** How a thing (a data flow, a profile) is named and explained on screen, in every language. */
export interface TitledText {
  readonly title: LocalizedText
  readonly description: LocalizedText
}

/** Picks the text for a language. */
export function localize(text: LocalizedText, language: Language): string {
  return text[language]
}
