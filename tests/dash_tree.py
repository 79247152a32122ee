"""Reading a Dash component tree in tests: find a component by id, collect its text and links."""

from __future__ import annotations


def walk(component):
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    if not isinstance(children, (list, tuple)):
        children = [children]
    for child in children:
        if child is not None and not isinstance(child, (str, int, float)):
            yield from walk(child)


def find(component, component_id):
    for c in walk(component):
        if getattr(c, "id", None) == component_id:
            return c
    raise AssertionError(f"no component with id {component_id!r}")


def text(component) -> str:
    parts = []
    for c in walk(component):
        children = getattr(c, "children", None)
        items = children if isinstance(children, (list, tuple)) else [children]
        parts += [str(i) for i in items if isinstance(i, (str, int, float))]
    return " ".join(parts)


def table_rows(component) -> list[list[str]]:
    """The body rows of an html.Table as lists of cell texts."""
    rows = []
    for c in walk(component):
        if type(c).__name__ == "Tr" and all(type(td).__name__ == "Td" for td in c.children):
            rows.append([text(td) for td in c.children])
    return rows


def links(component) -> list[str]:
    return [c.href for c in walk(component) if type(c).__name__ == "A"]
