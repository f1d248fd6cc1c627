"""YAML for the content files, refusing a key written twice in one mapping.

Plain YAML keeps the last of two equal keys without a word. In a file edited by several people
(or merged by git) that silently throws away one of two texts, for example a reviewed Polish
label beside the old one. Every loader of content files reads through `load`, so such a file is
refused with the line of the second key, like any other broken file.
"""

import yaml
from yaml.constructor import ConstructorError

MERGE_TAG = "tag:yaml.org,2002:merge"


class StrictLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _value in node.value:
                if key_node.tag == MERGE_TAG:
                    continue
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:  # an unhashable key; the base class reports it
                    continue
                if duplicate:
                    raise ConstructorError(
                        "while reading a mapping",
                        node.start_mark,
                        f"the key '{key}' is written twice",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep)


def load(text):
    """Like yaml.safe_load, but a duplicate key is a yaml.YAMLError with its line."""
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 (a SafeLoader subclass)
