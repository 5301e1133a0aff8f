"""The library example in README.md runs as printed and proposes valid spaces."""
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_library_example_runs(capsys):
    code = re.search(r"## Using the engine as a library.*?```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    namespace = {}
    exec(compile(code, "README.md", "exec"), namespace)
    result = namespace["result"]
    assert 25 <= result.k <= 45
    assert all(space.status in ("ok", "flagged") for space in result.spaces)
    assert all(700 <= space.population <= 8500 for space in result.spaces)
    assert capsys.readouterr().out.startswith(str(result.k))
