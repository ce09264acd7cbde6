"""Workspace discovery, --workspace, init, the command line's contract."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from careglot.cli import build_parser
from careglot.cli.workspace import find_workspace, load_workspace


def test_discovery_walks_up_like_git(workspace_copy: Path, run_cli) -> None:
    nested = workspace_copy / "leaflets" / "drafts"
    nested.mkdir(parents=True)
    result = run_cli("sources", cwd=nested)
    assert result.code == 0, result.err
    assert "5 sources valid" in result.out
    assert find_workspace(nested) == workspace_copy.resolve()


def test_workspace_option_overrides_discovery(workspace_copy: Path, tmp_path: Path, run_cli) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run_cli("sources", cwd=elsewhere).code == 2
    result = run_cli("--workspace", str(workspace_copy / "sources" / ".."), "sources", "--json", cwd=elsewhere)
    assert result.code == 0, result.err
    assert '"id": "brainhelpdesk-ms-stemcells"' in result.out


def test_no_workspace_is_a_one_line_error(tmp_path: Path, run_cli) -> None:
    result = run_cli("sources", cwd=tmp_path)
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert result.err.startswith("careglot: error: no careglot.yaml found")
    assert "Traceback" not in result.err


def test_init_creates_valid_empty_workspace(tmp_path: Path, run_cli) -> None:
    target = tmp_path / "new"
    result = run_cli("init", str(target), cwd=tmp_path)
    assert result.code == 0, result.err
    workspace = load_workspace(target)
    assert workspace.target_locales == ("nl_BE", "fr_BE", "de_BE", "en")
    assert workspace.source_locale == "en"
    listed = run_cli("sources", cwd=target)
    assert listed.code == 0
    assert "0 sources valid" in listed.out


def test_init_refuses_to_overwrite(tmp_path: Path, run_cli) -> None:
    target = tmp_path / "new"
    assert run_cli("init", str(target), cwd=tmp_path).code == 0
    (target / "glossary.yaml").write_text("concepts: [] # curated\n", encoding="utf-8")
    result = run_cli("init", str(target), cwd=tmp_path)
    assert result.code == 2
    assert "already exists" in result.err
    assert (target / "glossary.yaml").read_text(encoding="utf-8") == "concepts: [] # curated\n"


def test_init_refuses_a_folder_with_a_glossary(tmp_path: Path, run_cli) -> None:
    (tmp_path / "glossary.yaml").write_text("concepts: []\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path), cwd=tmp_path)
    assert result.code == 2
    assert not (tmp_path / "careglot.yaml").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("target_locales: [nl_BE, xx_YY]\n", "careglot.yaml:1: unknown locale 'xx_YY'"),
        ("target_locales: [nl-be]\n", "careglot.yaml:1: invalid locale code 'nl-be'"),
        ("output: ../../elsewhere\n", "careglot.yaml:1: output path '../../elsewhere' must stay inside"),
        ("colour: blue\n", "careglot.yaml:1: unknown field 'colour'"),
    ],
)
def test_bad_workspace_file(tmp_path: Path, run_cli, content: str, expected: str) -> None:
    (tmp_path / "careglot.yaml").write_text(content, encoding="utf-8")
    result = run_cli("sources", cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == f"careglot: error: {expected}" or expected in result.err


def _leaf_commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[tuple[str, argparse.ArgumentParser]]:
    subactions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subactions:
        return [(prefix.strip(), parser)]
    leaves = []
    for name, sub in subactions[0].choices.items():
        leaves.extend(_leaf_commands(sub, f"{prefix} {name}"))
    return leaves


def test_help_lists_only_real_commands_with_examples(run_cli) -> None:
    result = run_cli("--help")
    assert result.code == 0
    assert "examples:" in result.out
    leaves = _leaf_commands(build_parser())
    assert len(leaves) >= 2
    for name, sub in leaves:
        assert sub.epilog and sub.epilog.startswith("example: careglot "), name
        assert sub.get_default("handler") is not None, name


def test_group_without_subcommand_shows_its_help(run_cli) -> None:
    groups = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    group = next(name for name, sub in groups.items() if sub.get_default("handler") is None)
    result = run_cli(group)
    assert result.code == 2
    assert f"careglot {group}" in result.out + result.err
    assert "Traceback" not in result.err


def test_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.out.startswith("careglot ")


def test_usage_error_exits_2(run_cli) -> None:
    result = run_cli("no-such-command")
    assert result.code == 2
    assert "careglot: error:" in result.err


def test_a_command_loads_only_what_it_needs(repo_root) -> None:
    """`careglot check` runs on every save: it must not pay for rendering or term extraction."""
    heavy = ("render.build", "extract.terms", "jinja2", "wordfreq")
    code = ("import sys\nfrom careglot.cli import main\ncode = main(['check', '--list'])\n"
            f"print(code, sorted(m for m in {heavy!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo_root, check=True)
    assert done.stdout.splitlines()[-1] == "0 []"
    assert "glossary-missing" in done.stdout


@pytest.mark.parametrize("argv", [["--workspace", ".", "check", "--list"], ["--debug", "check", "--list"]])
def test_global_options_before_the_command(run_cli, argv: list[str]) -> None:
    result = run_cli(*argv)
    assert result.code == 0 and "glossary-missing" in result.out


def test_an_unknown_command_lists_every_command(run_cli) -> None:
    result = run_cli("site")
    assert result.code == 2
    assert all(name in result.err for name in ("init", "extract", "glossary", "check", "build", "catalog"))


def test_gettext_locales_beyond_language_and_region_are_accepted(tmp_path: Path, run_cli) -> None:
    (tmp_path / "careglot.yaml").write_text("target_locales: [nl_BE, sr@latin, ca@valencia, zh_Hant, es_419, tet]\n",
                                            encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text("[]\n", encoding="utf-8")
    workspace = load_workspace(tmp_path)
    assert workspace.target_locales == ("nl_BE", "sr@latin", "ca@valencia", "zh_Hant", "es_419", "tet")


@pytest.mark.parametrize("code", ["../x", "a/b"])
def test_a_locale_that_is_a_path_is_refused(tmp_path: Path, run_cli, code: str) -> None:
    (tmp_path / "careglot.yaml").write_text(f"target_locales: [nl_BE, '{code}']\n", encoding="utf-8")
    result = run_cli("sources", cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == (f"careglot: error: careglot.yaml:1: invalid locale code '{code}' "
                                  "(expected e.g. nl_BE or en)")
