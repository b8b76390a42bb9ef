"""A record as YAML, keeping the file's comments and layout; personal fields masked."""

from __future__ import annotations

import io

from ruamel.yaml import YAML

from cmty.masking import mask_value
from cmty.query import Record
from cmty.repo import Repo
from cmty.schemas import kind_schema, values_at


def as_yaml(repo: Repo, record: Record, reveal: bool) -> str:
    text = (repo.root / record.file).read_text(encoding="utf-8")
    if reveal:
        return text
    schema = kind_schema(record.kind)
    targets = [(path, pii) for pattern, pii in schema.pii
               for path, value in values_at(record.data, pattern)
               if isinstance(value, (str, int, float)) and not isinstance(value, bool)]
    if not targets:
        return text
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    tree = yaml.load(text)
    for path, pii in targets:
        node = tree
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = mask_value(pii, node[path[-1]])
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    return buffer.getvalue()
