// CICU: a small C facade over the system ICU 72 (libicuuc, libicui18n).
//
// Why a facade: Foundation on Linux bundles its own copy of ICU. A Swift module that imports both Foundation and
// the system <unicode/*.h> headers fails to compile ("UErrorCode ... not present in definition"). This header
// therefore includes no ICU header at all: handles are opaque, error codes are plain int32_t, strings are UTF-16
// buffers (uint16_t). Only CICU.c includes <unicode/*.h>, so the C compiler applies ICU's symbol renaming
// (ubrk_open -> ubrk_open_72) and Swift never names an ICU version.
//
// Conventions shared by every function:
//   - `status` is ICU's UErrorCode as an int32_t: 0 is success, negative values are warnings, positive ones errors.
//     Callers start with *status == 0 and check pv_failure(*status) afterwards; pv_error_name() names the code.
//   - Functions that fill a caller buffer return the full length needed (ICU's preflighting): when it exceeds the
//     capacity, *status is U_BUFFER_OVERFLOW_ERROR (15) and the caller retries with a larger buffer.
#ifndef PREVOD_CICU_H
#define PREVOD_CICU_H

#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/// True when `status` is an ICU error (not success, not a warning).
bool pv_failure(int32_t status);

/// ICU's symbolic name of an error code ("U_ILLEGAL_ARGUMENT_ERROR"); the string is static.
const char *pv_error_name(int32_t status);

/// The ICU version this binary runs against ("72.1"), for diagnostics and manifests. Writes into `out` (>= 16 bytes).
void pv_icu_version(char *out, int32_t capacity);

// MARK: - Transcoding

/// Converts UTF-8 to UTF-16 with ICU's optimized converter; returns the UTF-16 length (preflighting as above).
/// Reason: Swift strings are UTF-8 and the break iterators are fastest over UTF-16; this is the hot path's copy.
int32_t pv_utf8_to_utf16(const uint8_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: - Break iteration (sentence and word boundaries)
//
// Reason: ICU's rule-based break iterators are the baseline of our segmenter and the tokenizer of the term matcher.
// The iterator points at the caller's UTF-16 buffer (no copy); the buffer must outlive the iterator's use of it.
// An iterator is not thread-safe: use one per task.

typedef struct pv_break pv_break;

enum { PV_BREAK_CHARACTER = 0, PV_BREAK_WORD = 1, PV_BREAK_LINE = 2, PV_BREAK_SENTENCE = 3 };

/// Opens a break iterator of `kind` for `locale` ("bg", "en", "bg@ss=standard").
pv_break *pv_break_open(int32_t kind, const char *locale, int32_t *status);
/// Points the iterator at `text` (length UTF-16 units) and rewinds it to 0.
void pv_break_set_text(pv_break *iterator, const uint16_t *text, int32_t length, int32_t *status);
/// The next boundary after the current one, or -1 at the end.
int32_t pv_break_next(pv_break *iterator);
/// The first boundary after `offset`, or -1.
int32_t pv_break_following(pv_break *iterator, int32_t offset);
/// The status of the rule that produced the current boundary (word iterators: 0 none, 100.. number, 200.. letter,
/// 300.. kana, 400.. ideographic; sentence iterators: 0 terminator, 100 separator).
int32_t pv_break_rule_status(pv_break *iterator);
void pv_break_close(pv_break *iterator);

/// Fills `boundaries` with every boundary of `text` after 0 (the end included) and returns how many there are.
/// Reason: one C call per paragraph instead of one per boundary keeps the Swift/C crossing off the hot path.
/// When the return value exceeds `capacity` only the first `capacity` were written; call again with more room.
int32_t pv_break_all(pv_break *iterator, const uint16_t *text, int32_t length, int32_t *boundaries, int32_t capacity,
                     int32_t *status);

/// Like pv_break_all for word iterators, with the rule status of each boundary in `statuses`.
/// Reason: the tokenizer needs to know which pieces are words, numbers or punctuation in the same pass.
int32_t pv_break_all_with_status(pv_break *iterator, const uint16_t *text, int32_t length, int32_t *boundaries,
                                 int32_t *statuses, int32_t capacity, int32_t *status);

// MARK: - Normalization and case folding

/// NFC-normalizes `source` into `dest`; returns the full length (see preflighting above).
int32_t pv_normalize_nfc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
/// NFKC with case folding (NFKC_Casefold), the key the term matcher and name checks compare on.
int32_t pv_normalize_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity,
                                   int32_t *status);
/// True when `source` is already in NFC (quick check answered "yes"); lets callers skip the copy.
bool pv_is_nfc(const uint16_t *source, int32_t length, int32_t *status);
/// Full Unicode case folding (default options).
int32_t pv_fold_case(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
/// Locale-aware upper/lower casing ("bg", "en").
int32_t pv_to_upper(const uint16_t *source, int32_t length, const char *locale, uint16_t *dest, int32_t capacity,
                    int32_t *status);
int32_t pv_to_lower(const uint16_t *source, int32_t length, const char *locale, uint16_t *dest, int32_t capacity,
                    int32_t *status);

// MARK: - Transliteration

/// Reason: ICU ships general transforms (Cyrillic-Latin, Any-Latin, Bulgarian-Latin/BGN) that complement our own
/// implementation of Bulgaria's 2009 Act, e.g. to romanize Russian-derived names for comparison.
typedef struct pv_translit pv_translit;

/// Opens a transform by its ICU id (UTF-16), forward direction.
pv_translit *pv_translit_open(const uint16_t *id, int32_t length, int32_t *status);
/// Transforms `text` in place; `length` is the text's length, `capacity` the buffer's. Returns the new length.
int32_t pv_translit_apply(pv_translit *transliterator, uint16_t *text, int32_t length, int32_t capacity,
                          int32_t *status);
void pv_translit_close(pv_translit *transliterator);

// MARK: - Scripts and confusables

/// The ICU UScriptCode of a code point (0 Common, 1 Inherited, 8 Cyrillic, 25 Latin, 14 Greek, ...).
int32_t pv_script_of(int32_t codepoint, int32_t *status);
/// The short name of a script code ("Cyrl", "Latn"); static string, or "" when unknown.
const char *pv_script_short_name(int32_t script);

typedef struct pv_spoof pv_spoof;
/// Reason: mixed-script and look-alike checks rely on ICU's copy of Unicode's confusables data (UTS #39).
pv_spoof *pv_spoof_open(int32_t *status);
/// The UTS #39 skeleton of `text`: two strings are confusable when their skeletons are equal.
int32_t pv_spoof_skeleton(pv_spoof *checker, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *status);
/// Runs the spoof checks on `text` and returns ICU's USpoofChecks bit set of failed checks (0: none).
int32_t pv_spoof_check(pv_spoof *checker, const uint16_t *text, int32_t length, int32_t *status);
void pv_spoof_close(pv_spoof *checker);

// MARK: - Locale data (CLDR as shipped in ICU)

/// Reason: `prevod glossary cldr` builds a starter glossary of countries and cities from ICU's own CLDR data.
/// The number of ISO 3166 country codes ICU knows; `pv_country_code(i)` returns the i-th ("BG"), static string.
int32_t pv_country_count(void);
const char *pv_country_code(int32_t index);
/// The display name of a region code ("KP") in `display_locale` ("bg", "en") into `dest`.
int32_t pv_display_country(const char *region, const char *display_locale, uint16_t *dest, int32_t capacity,
                           int32_t *status);

/// Canonical system time zones ("Asia/Pyongyang"), enumerated: open, then next until it returns false.
typedef struct pv_zones pv_zones;
pv_zones *pv_zones_open(int32_t *status);
/// Writes the next zone id (ASCII) into `out` and its region code into `region` (both >= 64 bytes).
bool pv_zones_next(pv_zones *zones, char *out, int32_t out_capacity, char *region, int32_t region_capacity,
                   int32_t *status);
void pv_zones_close(pv_zones *zones);
/// The exemplar city of a time zone in `locale` (the "VVV" date pattern), e.g. "Пхенян" for Asia/Pyongyang in bg.
int32_t pv_exemplar_city(const char *zone, const char *locale, uint16_t *dest, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
