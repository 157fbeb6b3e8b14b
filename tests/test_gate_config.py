""".claimcheck.toml for the gate: found upward, validated, overridden by flags, through main()."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from checker.cli import main
from checker.config import CONFIG_NAME, Config, find_config, load_config
from checker.errors import ConfigError

# "about 110" is 99 to 121 (±10 %): short of 129, unless the config widens "about" by 20 %.
ABOUT = "The Paris attacks left about 110 people dead.\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A newsroom folder: the seed articles in sources/, the fixture drafts in drafts/."""
    shutil.copytree(FIXTURES / "articles", tmp_path / "sources")
    shutil.copytree(FIXTURES / "drafts", tmp_path / "drafts")
    return tmp_path


def gate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    """Run `claimcheck gate ... --format json` through main(); the exit code, report and stderr."""
    code = main(["gate", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out)["reports"][0] if out else {}, err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("claimcheck: error: ") and "Traceback" not in err
    return lines[0]


# ---- found upward, sources from the config ------------------------------------------------


def test_config_found_upward_from_a_draft_in_a_subfolder(
    desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(desk / CONFIG_NAME, 'sources = ["sources"]\n')
    draft = desk / "drafts" / "2015" / "11" / "wrong-toll.md"
    draft.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "drafts" / "wrong-toll.md", draft)
    monkeypatch.chdir(draft.parent)  # sources are relative to the config's folder, not the cwd
    code, report, err = gate(capsys, "wrong-toll.md")
    assert code == 1, err
    assert {Path(s["path"]).parent for s in report["sources"]} == {desk / "sources"}
    assert [f["claim"]["text"] for f in report["findings"] if f["status"] == "contradicted"] == [
        "119"
    ]


def test_sources_from_the_config_used_when_no_source_flag(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(desk / CONFIG_NAME, 'sources = "sources/paris-toll.txt"\n')
    code, report, _ = gate(capsys, str(desk / "drafts" / "clean-wire.md"))
    assert code == 0
    assert [s["id"] for s in report["sources"]] == ["paris-toll.txt"]


def test_source_flag_replaces_the_config_sources(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(desk / CONFIG_NAME, 'sources = ["no-such-folder"]\n')
    code, report, err = gate(
        capsys, str(desk / "drafts" / "wrong-toll.md"), "--source", str(desk / "sources")
    )
    assert code == 1, err
    assert len(report["sources"]) == 4


def test_nearest_config_wins(desk: Path) -> None:
    write(desk / CONFIG_NAME, 'fail-on = "unsupported"\n')
    inner = write(desk / "drafts" / CONFIG_NAME, 'fail-on = "contradicted"\n')
    assert find_config(desk / "drafts" / "wrong-toll.md") == inner
    assert find_config(desk / "drafts") == inner
    assert find_config(desk / "sources" / "paris-toll.txt") == desk / CONFIG_NAME


def test_symlinked_draft_takes_the_config_where_the_link_is(tmp_path: Path) -> None:
    archive = write(tmp_path / "archive" / "story.md", "Text.\n")
    write(tmp_path / "archive" / CONFIG_NAME, "")
    desk_config = write(tmp_path / "desk" / CONFIG_NAME, "")
    link = tmp_path / "desk" / "story.md"
    try:
        link.symlink_to(archive)
    except OSError as exc:
        pytest.skip(f"no symlinks here ({exc})")
    assert find_config(link) == desk_config


def test_no_config_and_no_source_is_a_usage_error(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, err = gate(capsys, str(desk / "drafts" / "wrong-toll.md"))
    assert code == 2 and not report
    assert "--source" in one_error_line(err)


# ---- fail-on, ignore, tolerance -----------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "flags", "expected"),
    [
        ('fail-on = "unsupported"\n', (), 1),
        ('fail-on = "unsupported"\n', ("--fail-on", "contradicted"), 0),
        ('fail-on = "contradicted"\n', (), 0),
        ('fail-on = "contradicted"\n', ("--fail-on", "unsupported"), 1),
    ],
    ids=[
        "config-unsupported",
        "flag-to-contradicted",
        "config-contradicted",
        "flag-to-unsupported",
    ],
)
def test_fail_on_flag_overrides_config(
    desk: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    flags: tuple[str, ...],
    expected: int,
) -> None:
    # clean-wire.md contradicts nothing but states figures no source does ("about 1,500").
    write(desk / CONFIG_NAME, 'sources = ["sources"]\n' + config)
    code, report, err = gate(capsys, str(desk / "drafts" / "clean-wire.md"), *flags)
    assert code == expected, err
    assert report["summary"]["contradicted"] == 0 and report["summary"]["unsupported"] >= 1


@pytest.mark.parametrize(
    "config",
    [
        'ignore-figures = ["119"]\n',
        'ignore-figures = " 119 "\n',
        'ignore-measures = ["deaths"]\n',
        'ignore-measures = ["Deaths"]\n',
        'ignore-measures = ["killed", "death  toll"]\n',
        '[claimcheck]\nsources = ["sources"]\nignore-measures = ["deaths"]\n',
    ],
    ids=["figure", "figure-string", "measure", "measure-case", "measure-synonyms", "table"],
)
def test_ignored_figures_and_measures_leave_the_gate_clean(
    desk: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    if not config.startswith("["):
        config = 'sources = ["sources"]\n' + config
    write(desk / CONFIG_NAME, config)
    code, report, err = gate(capsys, str(desk / "drafts" / "wrong-toll.md"))
    assert code == 0, err
    assert report["ignored"] == 1
    assert "119" not in {f["claim"]["text"] for f in report["findings"]}


@pytest.mark.parametrize(
    ("tolerance", "expected"),
    [("", 1), ("tolerance = 0\n", 1), ("tolerance = 0.2\n", 0), ("tolerance = 1\n", 0)],
    ids=["none", "zero", "twenty-percent", "integer-one"],
)
def test_tolerance_widens_about(
    desk: Path, capsys: pytest.CaptureFixture[str], tolerance: str, expected: int
) -> None:
    write(desk / CONFIG_NAME, 'sources = ["sources"]\n' + tolerance)
    draft = write(desk / "drafts" / "about.md", ABOUT)
    code, report, err = gate(capsys, str(draft))
    assert code == expected, err
    status = "contradicted" if expected else "supported"
    assert [(f["status"], f["claim"]["text"]) for f in report["findings"]] == [
        (status, "about 110")
    ]


def test_explicit_config_flag_replaces_the_found_one(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(desk / CONFIG_NAME, 'sources = ["sources"]\n')
    other = write(
        desk / "ci" / "strict.toml", 'sources = ["../sources"]\nfail-on = "unsupported"\n'
    )
    draft = str(desk / "drafts" / "clean-wire.md")
    assert gate(capsys, draft)[0] == 0
    assert gate(capsys, draft, "--config", str(other))[0] == 1


def test_empty_config_is_no_setting(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(desk / CONFIG_NAME, "")
    assert load_config(desk / CONFIG_NAME) == Config(path=str(desk / CONFIG_NAME))
    code, _, err = gate(capsys, str(desk / "drafts" / "wrong-toll.md"))
    assert code == 2 and "--source" in one_error_line(err)
    code, _, err = gate(
        capsys, str(desk / "drafts" / "wrong-toll.md"), "--source", str(desk / "sources")
    )
    assert code == 1, err


@pytest.mark.parametrize(
    "text",
    [
        'sources = ["sources"]\nfail-on = "unsupported"\n',
        '[claimcheck]\nsources = ["sources"]\nfail-on = "unsupported"\n',
        '\ufeffsources = ["sources"]\nfail-on = "unsupported"\n',
    ],
    ids=["top-level", "claimcheck-table", "byte-order-mark"],
)
def test_top_level_keys_and_claimcheck_table_read_alike(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / CONFIG_NAME, text)
    assert load_config(path) == Config(
        path=str(path), sources=(str(tmp_path / "sources"),), fail_on="unsupported"
    )


def test_load_config_values(tmp_path: Path) -> None:
    path = write(
        tmp_path / CONFIG_NAME,
        'sources = ["wire", "wire", "/archive/afp"]\ntolerance = 0.25\n'
        'ignore-measures = [" Deaths ", "fatalities", "Air strikes"]\nignore-figures = ["$50m"]\n',
    )
    assert load_config(path) == Config(
        path=str(path),
        sources=(str(tmp_path / "wire"), "/archive/afp"),
        tolerance=0.25,
        ignore_measures=("deaths", "airstrikes"),
        ignore_figures=("$50m",),
    )


# ---- bad configs: exit 2, one line naming the problem -------------------------------------


# A bad config, and what its one-line error must name.
BAD_CONFIGS = {
    "unknown-key": ('colour = "always"\n', "'colour'"),
    "unknown-key-in-table": ('[claimcheck]\nsources = ["sources"]\nverbose = true\n', "'verbose'"),
    "underscore-typo": ('fail_on = "unsupported"\n', "did you mean 'fail-on'?"),
    "unknown-subtable": (
        '[claimcheck]\nfail-on = "unsupported"\n[claimcheck.extra]\nx = 1\n',
        "'extra'",
    ),
    "key-outside-table": (
        'sources = ["sources"]\n[claimcheck]\nfail-on = "unsupported"\n',
        "'sources'",
    ),
    "claimcheck-not-a-table": ('claimcheck = "on"\n', "claimcheck must be a table"),
    "unclosed-list": ('sources = ["sources"\n', "not valid TOML"),
    "unclosed-string": ("sources = 'sources\n", "not valid TOML"),
    "fail-on-value": ('fail-on = "sometimes"\n', "fail-on must be one of"),
    "fail-on-type": ("fail-on = 1\n", "fail-on must be one of"),
    "tolerance-string": ('tolerance = "10%"\n', "tolerance must be a number"),
    "tolerance-bool": ("tolerance = true\n", "tolerance must be a number"),
    "tolerance-high": ("tolerance = 1.5\n", "tolerance must be a number"),
    "tolerance-negative": ("tolerance = -0.1\n", "tolerance must be a number"),
    "tolerance-nan": ("tolerance = nan\n", "tolerance must be a number"),
    "sources-number": ("sources = 3\n", "sources must be a list of strings"),
    "sources-mixed": ('sources = ["sources", 3]\n', "sources must be a list of strings"),
    "sources-empty": ('sources = [""]\n', "sources has an empty string"),
    "figure-unquoted": ("ignore-figures = [119]\n", 'quote figures: ["119"]'),
    "measures-table": (
        "ignore-measures = {deaths = true}\n",
        "ignore-measures must be a list of strings",
    ),
}


@pytest.mark.parametrize(("text", "named"), BAD_CONFIGS.values(), ids=list(BAD_CONFIGS))
def test_bad_config_exits_2_with_one_line(
    desk: Path, capsys: pytest.CaptureFixture[str], text: str, named: str
) -> None:
    config = write(desk / CONFIG_NAME, text)
    code, report, err = gate(
        capsys, str(desk / "drafts" / "wrong-toll.md"), "--source", str(desk / "sources")
    )
    assert code == 2 and not report
    line = one_error_line(err)
    assert str(config) in line and named in line


def test_not_utf8_config_exits_2(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (desk / CONFIG_NAME).write_bytes(b'fail-on = "unsupported" # \xff\n')
    code, _, err = gate(capsys, str(desk / "drafts" / "wrong-toll.md"), "-s", str(desk / "sources"))
    assert code == 2 and "not UTF-8" in one_error_line(err)


@pytest.mark.parametrize("name", ["missing.toml", "ci/missing.toml"], ids=["file", "folder"])
def test_config_flag_naming_a_missing_file_exits_2(
    desk: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, report, err = gate(
        capsys,
        str(desk / "drafts" / "wrong-toll.md"),
        "--source",
        str(desk / "sources"),
        "--config",
        str(desk / name),
    )
    assert code == 2 and not report
    assert "no such config file" in one_error_line(err)


def test_config_error_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_NAME, "tolerance = 2\n")
    with pytest.raises(ConfigError, match=r"tolerance must be a number") as caught:
        load_config(path)
    assert caught.value.exit_code == 2 and caught.value.message.startswith(str(path))
