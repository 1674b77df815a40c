//! Which language an article is written in.
//!
//! marsad annotates Arabic. An article in another language is still cleaned and recorded, with
//! its language, but gets no Arabic annotations. The script decides first (Persian and Urdu
//! share the Arabic script, so within it `whatlang` tells them apart); `whatlang` then names
//! languages in other scripts.

use marsad_text::Span;
use whatlang::{Detector, Lang};

/// How many bytes of text are enough to tell the script (the start of the content).
const SAMPLE_BYTES: usize = 768;
/// How many bytes the trigram model reads when the script does not settle the question.
const TRIGRAM_SAMPLE_BYTES: usize = 1024;

/// The language of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    /// ISO 639-1 code where one exists (`ar`, `fa`, `en`), else ISO 639-3; `und` when unknown.
    pub code: String,
    /// Share of Arabic-script letters among all letters of the sample (0 to 1).
    pub arabic_script_share: f32,
}

impl Language {
    /// Whether Arabic annotations apply.
    pub fn is_arabic(&self) -> bool {
        self.code == "ar"
    }
}

/// Identifies the language of `text` from its `content` spans (the start of them), or from
/// the start of the text when there is no content.
pub fn identify(text: &str, content: &[Span]) -> Language {
    let mut counts = ScriptCounts::default();
    let mut budget = SAMPLE_BYTES;
    for span in content {
        let s = prefix(span.slice(text), budget);
        counts.add(s);
        budget -= s.len();
        if budget == 0 {
            break;
        }
    }
    if counts.letters == 0 {
        counts.add(prefix(text, SAMPLE_BYTES));
    }
    // the trigram model, when the script does not settle it, reads the start of the content
    let trigram_sample = || {
        let mut sample = String::new();
        for span in content {
            sample.push_str(span.slice(text));
            sample.push('\n');
            if sample.len() >= TRIGRAM_SAMPLE_BYTES {
                break;
            }
        }
        if sample.trim().is_empty() {
            sample.push_str(text);
        }
        prefix(&sample, TRIGRAM_SAMPLE_BYTES).to_string()
    };
    counts.decide(trigram_sample)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Letters counted by script.
#[derive(Default)]
struct ScriptCounts {
    letters: usize,
    arabic: usize,
    /// Letters of the Arabic script that Arabic does not use.
    foreign_arabic_script: usize,
}

impl ScriptCounts {
    fn add(&mut self, s: &str) {
        for c in s.chars() {
            // Arabic letters by range: `char::is_alphabetic` takes a slow table lookup for them
            if is_arabic_script(c) {
                if is_arabic_script_letter(c) {
                    self.letters += 1;
                    self.arabic += 1;
                    if is_persian_or_urdu_letter(c) {
                        self.foreign_arabic_script += 1;
                    }
                }
            } else if c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic()) {
                self.letters += 1;
            }
        }
    }

    fn decide(&self, trigram_sample: impl FnOnce() -> String) -> Language {
        let share = if self.letters == 0 { 0.0 } else { self.arabic as f32 / self.letters as f32 };
        let code = if self.letters < 3 {
            "und".to_string()
        } else if share >= 0.5 {
            // Arabic unless letters that Arabic does not use (پ چ ژ گ ی ے...) are frequent; a
            // stray Persian yeh in an Arabic text (الإثنین) is common and proves nothing
            if (self.foreign_arabic_script as f32) < 0.02 * self.arabic as f32 {
                "ar".to_string()
            } else {
                let detector = Detector::with_allowlist(vec![Lang::Ara, Lang::Pes, Lang::Urd]);
                match detector.detect(&trigram_sample()) {
                    Some(info) if info.lang() != Lang::Ara && info.confidence() > 0.5 => code_of(info.lang()),
                    _ => "ar".to_string(),
                }
            }
        } else {
            match whatlang::detect(&trigram_sample()) {
                Some(info) => code_of(info.lang()),
                None => "und".to_string(),
            }
        };
        Language { code, arabic_script_share: share }
    }
}

#[cfg(test)]
fn identify_sample(sample: &str) -> Language {
    let mut counts = ScriptCounts::default();
    counts.add(sample);
    counts.decide(|| sample.to_string())
}

/// Letters (not marks, digits or punctuation) of the Arabic script blocks.
fn is_arabic_script_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

/// Letters of the Arabic script that Arabic itself does not use (Persian, Urdu, Kurdish...).
fn is_persian_or_urdu_letter(c: char) -> bool {
    matches!(
        c,
        'پ' | 'چ'
            | 'ژ'
            | 'گ'
            | 'ک'
            | 'ی'
            | 'ٹ'
            | 'ڈ'
            | 'ڑ'
            | 'ں'
            | 'ے'
            | 'ہ'
            | 'ھ'
            | 'ۀ'
            | 'ۃ'
            | 'ې'
            | 'ۆ'
            | 'ڕ'
            | 'ڵ'
    )
}

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn code_of(lang: Lang) -> String {
    let two = match lang {
        Lang::Ara => "ar",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Tur => "tr",
        Lang::Heb => "he",
        Lang::Nld => "nl",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Hin => "hi",
        Lang::Ell => "el",
        Lang::Pol => "pl",
        _ => return lang.code().to_string(),
    };
    two.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_news_is_arabic() {
        let l = identify(
            "أعلن رئيس الوزراء الأرميني نيكول باشينيان استمرار العمليات القتالية على الحدود مع أذربيجان (CNN).",
            &[],
        );
        assert_eq!(l.code, "ar");
        assert!(l.arabic_script_share > 0.9);
    }

    #[test]
    fn other_languages_are_named() {
        let en = identify_sample(
            "The foreign ministers of Armenia and Azerbaijan met separately with the US Secretary of State in Washington on Friday.",
        );
        assert_eq!(en.code, "en");
        assert!(!en.is_arabic());
        let fa = identify_sample(
            "وزیر امور خارجه ایران گفت که کشورش آماده گفتگو با همسایگان است و این موضوع را پیگیری می‌کند.",
        );
        assert_eq!(fa.code, "fa");
    }

    #[test]
    fn only_the_content_counts() {
        let text =
            "The page says hello in English first.\nقال رئيس الوزراء الأرميني إن المعارك مستمرة على الحدود.";
        let content = [Span::new(text.find('\n').unwrap() + 1, text.len())];
        assert_eq!(identify(text, &content).code, "ar");
        // a stray Persian yeh in Arabic text does not make it Persian
        assert_eq!(
            identify_sample("وأعلنت وكالة أنباء فارس أن الحرس الثوري شن فجر الإثنین هجوما صاروخيا على مقر")
                .code,
            "ar"
        );
    }

    #[test]
    fn no_letters_is_undetermined() {
        assert_eq!(identify("2022/09/13 — 12:00", &[]).code, "und");
        assert_eq!(identify("", &[]).code, "und");
    }
}
