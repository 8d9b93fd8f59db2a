"""`python main.py export`: headless, exit 0 with the path written, exit 2 with one line for bad input."""
import imageio.v3 as iio
import pytest

from simulator import cli


def main(*args):
    """The export command as `python main.py export …` runs it, in this process."""
    return cli.main(["export", *map(str, args)])


def test_export_writes_a_gif_with_the_right_frame_count(qapp, tmp_path, capsys):
    out = tmp_path / "lstm.gif"
    assert cli.wants_cli(["export"])
    code = main("--scene", "lstm-lecture", "--view", "cell", "--out", out, "--size", "320x180", "--fps", "5",
                "--steps", "2:4", "--seconds-per-step", "0.8")
    assert code == 0
    assert capsys.readouterr().out.strip() == f"wrote {out} (12 frames, 320×180, 5 fps)"
    frames = iio.imread(out, index=None)
    assert frames.shape == (12, 180, 320, 3)      # 3 steps × 0.8 s × 5 fps


def test_export_writes_png_frames_into_a_folder(qapp, tmp_path, capsys):
    code = main("--scene", "toy-rnn", "--view", "network", "--out", f"{tmp_path}/frames/", "--size", "160x90",
                "--fps", "2", "--animation-seconds", "0")
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "frames").iterdir())
    assert len(names) == 2 * 3 and names[0] == "frame_00001.png"   # toy-rnn has 3 steps
    assert iio.imread(tmp_path / "frames" / names[-1]).shape == (90, 160, 3)


@pytest.mark.parametrize("args, message", [
    (["--view", "surfaces"], "--view 'surfaces'"),
    (["--size", "12x"], "--size '12x'"),
    (["--fps", "0"], "--fps must be more than 0"),
    (["--fps", "-2"], "--fps must be more than 0"),
    (["--steps", "3:20"], "within 0:9"),
    (["--steps", "5:2"], "within 0:9"),
    (["--seconds-per-step", "0"], "more than 0"),
    (["--out", "{tmp}/no/such/folder/x.gif"], "does not exist"),
    (["--out", "{tmp}/a.txt/x.gif"], "is a file, not a folder"),
    (["--out", "{tmp}/x.avi"], "unknown file type .avi"),
    (["--scene", "nope"], "no scene 'nope'"),
])
def test_bad_input_exits_2_with_one_line(qapp, tmp_path, capsys, args, message):
    (tmp_path / "a.txt").write_text("not a folder")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    options = {"--scene": "lstm-lecture", "--out": str(tmp_path / "x.gif")} | dict(zip(args[::2], args[1::2]))
    code = main(*[text for pair in options.items() for text in pair])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
