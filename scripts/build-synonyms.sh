#!/usr/bin/env bash
# Rebuilds services/Sessions.Validator/Augmentation/wordnet-synonyms.txt.gz, the synonym lexicon of EDA's synonym
# replacement and random insertion, from WordNet 3.0 as Debian's wordnet-base installs it (apt-get install wordnet-base).
# One line per single-word lemma: "word<TAB>syn1 syn2 ...", words sorted; a word's synonyms are the other
# single-word, lowercase lemmas of its synsets, most frequent senses first (SemCor tag counts from
# cntlist.rev, then WordNet's index order), at most 10.
# Proper nouns (capitalized lemmas) and multiword lemmas are left out on both sides.
set -euo pipefail
cd "$(dirname "$0")/.."
wordnet=${WORDNET_DIR:-/usr/share/wordnet}
out=services/Sessions.Validator/Augmentation
for pos in noun verb adj adv; do
  [[ -f "$wordnet/index.$pos" && -f "$wordnet/data.$pos" ]] || { echo "missing $wordnet/{index,data}.$pos: apt-get install wordnet-base" >&2; exit 1; }
done
/usr/bin/python3 - "$wordnet" "$out/wordnet-synonyms.txt.gz" <<'PY'
import gzip, re, sys
wordnet, target = sys.argv[1], sys.argv[2]
plain = re.compile(r"^[a-z]+$")
MAX_SYNONYMS = 10

def lemmas(line):
    # data.<pos>: offset lex_filenum ss_type w_cnt(hex) word lex_id ...; adjectives may carry "(a)", "(p)", "(ip)".
    fields = line.split()
    count = int(fields[3], 16)
    return [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]

# cntlist.rev: "lemma%ss_type:..." sense_number tag_count; how often each sense was tagged in the SemCor texts.
POS_ORDER = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 2}   # 5 is an adjective satellite
tagged = {}
with open(f"{wordnet}/cntlist.rev", encoding="utf-8") as counts:
    for line in counts:
        key, number, count = line.split()
        lemma, _, rest = key.partition("%")
        tagged[(lemma, POS_ORDER[rest[0]], int(number) - 1)] = int(count)

senses = {}   # word -> [(tag count, rank, pos order, synset lemmas)]
for order, pos in enumerate(["noun", "verb", "adj", "adv"]):
    synsets = {}
    with open(f"{wordnet}/data.{pos}", encoding="utf-8") as data:
        for line in data:
            if not line.startswith("  "):   # the license header lines start with two spaces
                synsets[line.split(" ", 1)[0]] = lemmas(line)
    with open(f"{wordnet}/index.{pos}", encoding="utf-8") as index:
        for line in index:
            if line.startswith("  "):
                continue
            fields = line.split()
            word = fields[0]
            if not plain.match(word):
                continue
            pointer_count = int(fields[3])
            offsets = fields[6 + pointer_count:]   # after lemma pos synset_cnt p_cnt ptrs sense_cnt tagsense_cnt
            for rank, offset in enumerate(offsets):
                senses.setdefault(word, []).append((tagged.get((word, order, rank), 0), rank, order, synsets[offset]))

lines = []
for word in sorted(senses):
    synonyms = []
    # Most often tagged senses first across parts of speech, then WordNet's own order within each.
    for _, _, _, group in sorted(senses[word], key=lambda s: (-s[0], s[1], s[2])):
        for lemma in group:
            if plain.match(lemma) and lemma != word and lemma not in synonyms:
                synonyms.append(lemma)
    if synonyms:
        lines.append(word + "\t" + " ".join(synonyms[:MAX_SYNONYMS]))

# mtime=0 keeps the archive byte-identical between runs.
with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as archive:
    archive.write(("\n".join(lines) + "\n").encode("utf-8"))
print(f"wrote {len(lines)} words with synonyms to {target}")
PY
# WordNet's license asks that its notice travel with every copy of the database, derived ones included.
sed -n '1,29p' "$wordnet/data.noun" | sed -E 's/^ +[0-9]+ //; s/ +$//' > "$out/LICENSE-wordnet.txt"
ls -l "$out/wordnet-synonyms.txt.gz" "$out/LICENSE-wordnet.txt"
