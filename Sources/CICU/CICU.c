// The only file of prevod that includes ICU headers. See include/CICU.h for why.
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

bool pv_failure(int32_t status) { return U_FAILURE((UErrorCode)status); }

const char *pv_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void pv_icu_version(char *out, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(out, text, (size_t)capacity - 1);
        out[capacity - 1] = 0;
    }
}

// MARK: - Transcoding

int32_t pv_utf8_to_utf16(const uint8_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    int32_t written = 0;
    u_strFromUTF8Lenient((UChar *)dest, capacity, &written, (const char *)source, length, (UErrorCode *)status);
    return written;
}

// MARK: - Break iteration

struct pv_break {
    UBreakIterator *iterator;
};

pv_break *pv_break_open(int32_t kind, const char *locale, int32_t *status) {
    UBreakIteratorType type;
    switch (kind) {
    case PV_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
    case PV_BREAK_WORD: type = UBRK_WORD; break;
    case PV_BREAK_LINE: type = UBRK_LINE; break;
    case PV_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, (UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return NULL;
    pv_break *handle = malloc(sizeof(pv_break));
    if (handle == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->iterator = iterator;
    return handle;
}

void pv_break_set_text(pv_break *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    ubrk_setText(iterator->iterator, (const UChar *)text, length, (UErrorCode *)status);
}

int32_t pv_break_next(pv_break *iterator) { return ubrk_next(iterator->iterator); }

int32_t pv_break_following(pv_break *iterator, int32_t offset) { return ubrk_following(iterator->iterator, offset); }

int32_t pv_break_rule_status(pv_break *iterator) { return ubrk_getRuleStatus(iterator->iterator); }

void pv_break_close(pv_break *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    free(iterator);
}

int32_t pv_break_all(pv_break *iterator, const uint16_t *text, int32_t length, int32_t *boundaries, int32_t capacity,
                     int32_t *status) {
    ubrk_setText(iterator->iterator, (const UChar *)text, length, (UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return 0;
    int32_t count = 0;
    for (int32_t b = ubrk_next(iterator->iterator); b != UBRK_DONE; b = ubrk_next(iterator->iterator)) {
        if (count < capacity) boundaries[count] = b;
        count++;
    }
    return count;
}

int32_t pv_break_all_with_status(pv_break *iterator, const uint16_t *text, int32_t length, int32_t *boundaries,
                                 int32_t *statuses, int32_t capacity, int32_t *status) {
    ubrk_setText(iterator->iterator, (const UChar *)text, length, (UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return 0;
    int32_t count = 0;
    for (int32_t b = ubrk_next(iterator->iterator); b != UBRK_DONE; b = ubrk_next(iterator->iterator)) {
        if (count < capacity) {
            boundaries[count] = b;
            statuses[count] = ubrk_getRuleStatus(iterator->iterator);
        }
        count++;
    }
    return count;
}

// MARK: - Normalization and case folding

static int32_t normalize_with(const UNormalizer2 *normalizer, const uint16_t *source, int32_t length, uint16_t *dest,
                              int32_t capacity, int32_t *status) {
    if (U_FAILURE((UErrorCode)*status)) return 0;
    return unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)dest, capacity, (UErrorCode *)status);
}

int32_t pv_normalize_nfc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    const UNormalizer2 *normalizer = unorm2_getNFCInstance((UErrorCode *)status);
    return normalize_with(normalizer, source, length, dest, capacity, status);
}

int32_t pv_normalize_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity,
                                   int32_t *status) {
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance((UErrorCode *)status);
    return normalize_with(normalizer, source, length, dest, capacity, status);
}

bool pv_is_nfc(const uint16_t *source, int32_t length, int32_t *status) {
    const UNormalizer2 *normalizer = unorm2_getNFCInstance((UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return false;
    return unorm2_quickCheck(normalizer, (const UChar *)source, length, (UErrorCode *)status) == UNORM_YES;
}

int32_t pv_fold_case(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    return u_strFoldCase((UChar *)dest, capacity, (const UChar *)source, length, U_FOLD_CASE_DEFAULT,
                         (UErrorCode *)status);
}

int32_t pv_to_upper(const uint16_t *source, int32_t length, const char *locale, uint16_t *dest, int32_t capacity,
                    int32_t *status) {
    return u_strToUpper((UChar *)dest, capacity, (const UChar *)source, length, locale, (UErrorCode *)status);
}

int32_t pv_to_lower(const uint16_t *source, int32_t length, const char *locale, uint16_t *dest, int32_t capacity,
                    int32_t *status) {
    return u_strToLower((UChar *)dest, capacity, (const UChar *)source, length, locale, (UErrorCode *)status);
}

// MARK: - Transliteration

struct pv_translit {
    UTransliterator *transliterator;
};

pv_translit *pv_translit_open(const uint16_t *id, int32_t length, int32_t *status) {
    UTransliterator *transliterator =
        utrans_openU((const UChar *)id, length, UTRANS_FORWARD, NULL, 0, NULL, (UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return NULL;
    pv_translit *handle = malloc(sizeof(pv_translit));
    if (handle == NULL) {
        utrans_close(transliterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->transliterator = transliterator;
    return handle;
}

int32_t pv_translit_apply(pv_translit *transliterator, uint16_t *text, int32_t length, int32_t capacity,
                          int32_t *status) {
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->transliterator, (UChar *)text, &textLength, capacity, 0, &limit,
                       (UErrorCode *)status);
    return textLength;
}

void pv_translit_close(pv_translit *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

// MARK: - Scripts and confusables

int32_t pv_script_of(int32_t codepoint, int32_t *status) {
    return (int32_t)uscript_getScript((UChar32)codepoint, (UErrorCode *)status);
}

const char *pv_script_short_name(int32_t script) {
    const char *name = uscript_getShortName((UScriptCode)script);
    return name == NULL ? "" : name;
}

struct pv_spoof {
    USpoofChecker *checker;
};

pv_spoof *pv_spoof_open(int32_t *status) {
    USpoofChecker *checker = uspoof_open((UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return NULL;
    pv_spoof *handle = malloc(sizeof(pv_spoof));
    if (handle == NULL) {
        uspoof_close(checker);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->checker = checker;
    return handle;
}

int32_t pv_spoof_skeleton(pv_spoof *checker, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *status) {
    return uspoof_getSkeleton(checker->checker, 0, (const UChar *)text, length, (UChar *)dest, capacity,
                              (UErrorCode *)status);
}

int32_t pv_spoof_check(pv_spoof *checker, const uint16_t *text, int32_t length, int32_t *status) {
    return uspoof_check2(checker->checker, (const UChar *)text, length, NULL, (UErrorCode *)status);
}

void pv_spoof_close(pv_spoof *checker) {
    if (checker == NULL) return;
    uspoof_close(checker->checker);
    free(checker);
}

// MARK: - Locale data

static const char *const *country_list(int32_t *count) {
    static const char *const *list = NULL;
    static int32_t total = 0;
    if (list == NULL) {
        list = uloc_getISOCountries();
        total = 0;
        while (list[total] != NULL) total++;
    }
    *count = total;
    return list;
}

int32_t pv_country_count(void) {
    int32_t count;
    country_list(&count);
    return count;
}

const char *pv_country_code(int32_t index) {
    int32_t count;
    const char *const *list = country_list(&count);
    return (index >= 0 && index < count) ? list[index] : "";
}

int32_t pv_display_country(const char *region, const char *display_locale, uint16_t *dest, int32_t capacity,
                           int32_t *status) {
    char locale[32];
    strcpy(locale, "und_");
    strncat(locale, region, sizeof(locale) - strlen(locale) - 1);
    return uloc_getDisplayCountry(locale, display_locale, (UChar *)dest, capacity, (UErrorCode *)status);
}

struct pv_zones {
    int32_t country;
    UEnumeration *current;
};

pv_zones *pv_zones_open(int32_t *status) {
    pv_zones *zones = calloc(1, sizeof(pv_zones));
    if (zones == NULL) *status = U_MEMORY_ALLOCATION_ERROR;
    return zones;
}

bool pv_zones_next(pv_zones *zones, char *out, int32_t out_capacity, char *region, int32_t region_capacity,
                   int32_t *status) {
    int32_t count;
    const char *const *countries = country_list(&count);
    while (zones->country < count) {
        const char *code = countries[zones->country];
        if (zones->current == NULL) {
            zones->current =
                ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, code, NULL, (UErrorCode *)status);
            if (U_FAILURE((UErrorCode)*status)) return false;
        }
        int32_t length = 0;
        const char *zone = uenum_next(zones->current, &length, (UErrorCode *)status);
        if (U_FAILURE((UErrorCode)*status)) return false;
        if (zone != NULL) {
            strncpy(out, zone, (size_t)out_capacity - 1);
            out[out_capacity - 1] = 0;
            strncpy(region, code, (size_t)region_capacity - 1);
            region[region_capacity - 1] = 0;
            return true;
        }
        uenum_close(zones->current);
        zones->current = NULL;
        zones->country++;
    }
    return false;
}

void pv_zones_close(pv_zones *zones) {
    if (zones == NULL) return;
    if (zones->current != NULL) uenum_close(zones->current);
    free(zones);
}

int32_t pv_exemplar_city(const char *zone, const char *locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UChar zoneID[128];
    UChar pattern[4] = {'V', 'V', 'V', 0};
    u_uastrncpy(zoneID, zone, 127);
    zoneID[127] = 0;
    UDateFormat *format =
        udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, zoneID, -1, pattern, -1, (UErrorCode *)status);
    if (U_FAILURE((UErrorCode)*status)) return 0;
    int32_t length = udat_format(format, 0.0, (UChar *)dest, capacity, NULL, (UErrorCode *)status);
    udat_close(format);
    return length;
}
