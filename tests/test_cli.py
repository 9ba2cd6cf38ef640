"""The ``bench`` command line: a light top-level help, every command documented with an
example, unknown commands refused with the list."""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
import sys

import pytest

from bench import __version__
from bench.cli import COMMANDS, build_parser, main

AVAILABLE = [name for name, (module, _) in COMMANDS.items() if importlib.util.find_spec(module) is not None]
HEAVY = ("spacy", "sklearn", "numpy", "pandas", "scipy", "torch", "matplotlib", "sentence_transformers", "thinc")


def _help(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_lists_every_available_command(capsys):
    out = _help(["--help"], capsys)
    listing = [line.split(None, 1) for line in out.split("commands:", 1)[1].strip().splitlines()]
    # every available command once, with its help; a command not yet built is not offered
    assert listing == [[name, COMMANDS[name][1]] for name in AVAILABLE]


def test_no_arguments_prints_help(capsys):
    assert main([]) == 0
    assert "commands:" in capsys.readouterr().out


def test_version(capsys):
    assert _help(["--version"], capsys).strip() == f"relation-bench {__version__}"


@pytest.mark.slow
def test_top_level_help_imports_no_heavy_library():
    code = (
        "import json, sys\n"
        "from bench.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "commands:" in done.stdout
    heavy = json.loads(done.stdout.strip().splitlines()[-1])
    assert heavy == []


@pytest.mark.parametrize("name", AVAILABLE)
def test_every_command_has_help_with_its_example(name, capsys):
    module = importlib.import_module(COMMANDS[name][0])
    assert isinstance(module.HELP, str) and module.HELP.strip()
    assert module.HELP == COMMANDS[name][1]  # the list in cli.py says the same as the module
    assert isinstance(module.EXAMPLE, str) and module.EXAMPLE.startswith(f"bench {name}")
    assert callable(module.add_arguments) and callable(module.run)
    out = _help([name, "--help"], capsys)
    assert module.EXAMPLE in out
    assert out.startswith(f"usage: bench {name}")


@pytest.mark.parametrize("name", AVAILABLE)
def test_every_example_parses(name):
    """The documented example is a valid command line for its command."""
    module = importlib.import_module(COMMANDS[name][0])
    argv = module.EXAMPLE.split()[1:]
    args = build_parser(name).parse_args(argv)
    assert args.command == name


def test_unknown_command_exits_2_with_the_list(capsys):
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'frobnicate'" in err
    for name in AVAILABLE:
        assert name in err


def test_a_bench_error_is_a_message_with_exit_2(capsys, tmp_path):
    assert main(["show", "no-such-document"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bench show: error: ")
    assert "Traceback" not in err


@pytest.mark.slow
def test_console_script_and_module_entry_agree():
    done = subprocess.run([sys.executable, "-m", "bench", "nope"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "unknown command 'nope'" in done.stderr
    assert "Traceback" not in done.stderr
