"""``bench report``: writes the reports of a run, or the README's results block."""

from __future__ import annotations

from bench.cli import main
from bench.report.readme_table import END, START


def test_writes_all_reports(run_copy, capsys):
    assert main(["report", str(run_copy)]) == 0
    out = capsys.readouterr().out
    for name in ("report.md", "report.html", "results.csv", "results.tex"):
        assert (run_copy / name).is_file() and f"wrote {run_copy / name}" in out


def test_one_format(run_copy):
    assert main(["report", str(run_copy), "--format", "latex"]) == 0
    assert (run_copy / "results.tex").is_file()
    assert not (run_copy / "report.html").exists() and not (run_copy / "report.md").exists()


def test_readme_then_check(run_copy, tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text(f"text\n{START}\nstale\n{END}\n")
    assert main(["report", str(run_copy), "--readme", str(readme), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main(["report", str(run_copy), "--readme", str(readme)]) == 0
    assert "| noisy.v1 |" in readme.read_text()
    assert not (run_copy / "report.html").exists()  # --readme alone writes only the README
    assert main(["report", str(run_copy), "--readme", str(readme), "--check"]) == 0


def test_bad_run_directory_is_a_message(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "scores.json" in err and "missing" in err and "Traceback" not in err


def test_readme_without_markers_is_a_message(run_copy, tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("no markers here\n")
    assert main(["report", str(run_copy), "--readme", str(readme)]) == 2
    assert "expected exactly one <!-- results:start -->" in capsys.readouterr().err
    assert readme.read_text() == "no markers here\n"


def test_check_needs_readme(run_copy, capsys):
    assert main(["report", str(run_copy), "--check"]) == 2
    assert "--check needs --readme" in capsys.readouterr().err
