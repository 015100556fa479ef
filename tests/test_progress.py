"""Progress bars: only on a terminal, with the number of documents when the input tells it."""

import json

from quotes.cli.extract import _count_documents
from quotes.progress import progress


def test_no_bar_off_a_terminal(capsys):
    assert list(progress(iter(range(3)), 3, lambda item: 1)) == [0, 1, 2]
    assert capsys.readouterr().err == ""


def test_the_total_is_counted_from_files_and_unknown_on_stdin(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in range(3)) + "\n", encoding="utf-8")
    conllu = tmp_path / "b.conllu"
    conllu.write_text("# newdoc id = 1\n1\tx\t_\t_\t_\t_\t0\troot\t_\t_\n\n# newdoc id = 2\n", encoding="utf-8")
    assert _count_documents([str(jsonl), str(jsonl)], "jsonl") == 6
    assert _count_documents([str(conllu)], "conllu") == 2
    assert _count_documents([str(jsonl), str(conllu)], "text") == 2
    assert _count_documents(["-"], "jsonl") is None
