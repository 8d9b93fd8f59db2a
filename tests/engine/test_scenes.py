"""The built-in scenes produce the numbers the lecture says they must."""
import numpy as np
import pytest

from simulator.errors import UserInputError
from simulator.model.scenes import list_scenes, load_scene


def test_toy_rnn_gives_the_lecture_outputs_exactly():
    project = load_scene("toy-rnn")
    trace = project.network.forward(project.inputs)
    np.testing.assert_array_equal(trace.outputs[:, 0], [[4, 4], [12, 12], [32, 32]])
    np.testing.assert_array_equal(trace.layers[0].quantity("a")[:, 0], [[2, 2], [6, 6], [16, 16]])
    assert project.settings["expected"]["outputs"] == [[4, 4], [12, 12], [32, 32]]


def test_toy_rnn_reordered_inputs_give_different_outputs():
    project = load_scene("toy-rnn")
    alternative = project.settings["alternatives"][0]
    assert alternative["inputs"] == [[2, 2], [1, 1], [1, 1]]
    outputs = project.network.forward(np.array(alternative["inputs"], dtype=float)).outputs[:, 0]
    # a¹ = (2+2)·1 = 4, y¹ = 8; a² = 2 + 8 = 10, y² = 20; a³ = 2 + 20 = 22, y³ = 44 (per unit)
    np.testing.assert_array_equal(outputs, [[8, 8], [20, 20], [44, 44]])
    assert alternative["expected"]["outputs"] == [[8, 8], [20, 20], [44, 44]]
    original = project.network.forward(project.inputs).outputs[:, 0]
    assert not np.array_equal(outputs, original)


def test_lstm_lecture_memory_and_outputs():
    project = load_scene("lstm-lecture")
    trace = project.network.forward(project.inputs)
    memory = trace.layers[0].quantity("c")[:, 0, 0]
    outputs = trace.outputs[:, 0, 0]
    np.testing.assert_allclose(memory, [0, 3, 3, 7, 7, 7, 0, 6, 6], atol=1e-3)
    np.testing.assert_allclose(outputs, [0, 0, 0, 0, 0, 7, 0, 0, 6], atol=1e-3)
    assert project.settings["expected"]["memory"] == [0, 3, 3, 7, 7, 7, 0, 6, 6]
    assert project.settings["expected"]["outputs"] == [0, 0, 0, 0, 0, 7, 0, 0, 6]
    # the gates really are the lecture's: input gate open exactly where x2 = 1, forget where x2 = −1
    input_gate = trace.layers[0].quantity("f_i")[:, 0, 0]
    np.testing.assert_array_equal(input_gate > 0.5, project.inputs[:, 1] == 1)
    forget_gate = trace.layers[0].quantity("f_f")[:, 0, 0]
    np.testing.assert_array_equal(forget_gate < 0.5, project.inputs[:, 1] == -1)


def _w999_last_output(w: float) -> float:
    project = load_scene("w999")
    project.network.params[project.settings["weight"]][...] = w
    return float(project.network.forward(project.inputs).outputs[-1, 0, 0])


def test_w999_inputs_are_a_one_then_zeros():
    project = load_scene("w999")
    assert project.inputs.shape == (1000, 1)
    assert project.inputs[0, 0] == 1 and not project.inputs[1:].any()
    assert project.network.params["layers.0.W_a"][0, 0] == 1.0


def test_w999_explodes_for_w_just_above_one():
    y = _w999_last_output(1.01)
    assert y == pytest.approx(1.01 ** 999, rel=1e-6)
    assert y == pytest.approx(20751.6, rel=1e-5)


def test_w999_vanishes_for_w_just_below_one():
    y = _w999_last_output(0.99)
    assert y == pytest.approx(4.36e-5, rel=1e-3)
    assert y == pytest.approx(0.99 ** 999, rel=1e-9)


def test_w999_stays_at_one_and_disappears_for_small_w():
    assert _w999_last_output(1.0) == 1.0
    assert _w999_last_output(0.01) < 1e-300


def test_w999_settings_list_the_lecture_cases():
    expected = load_scene("w999").settings["expected"]
    assert [case["w"] for case in expected] == [1.0, 1.01, 0.99, 0.01]
    for case in expected:
        assert case["last_output"] == pytest.approx(case["w"] ** 999, rel=1e-12, abs=1e-300)


def test_scene_list_is_ordered_and_complete():
    scenes = list_scenes()
    names = [scene.name for scene in scenes]
    assert names[:1] == ["toy-rnn"]
    assert {"toy-rnn", "lstm-lecture", "w999"} <= set(names)
    orders = [scene.order for scene in scenes]
    assert orders == sorted(orders)
    for scene in scenes:
        assert scene.path.stem == scene.name
        assert scene.title.get("en") and scene.title.get("zh")
        assert scene.description.get("en") and scene.description.get("zh")


@pytest.mark.parametrize("scene", [scene.name for scene in list_scenes()])
def test_every_scene_loads_and_runs(scene):
    project = load_scene(scene)
    settings = project.settings
    assert isinstance(settings["order"], (int, float))
    assert settings["views"] and all(isinstance(view, str) for view in settings["views"])
    assert set(settings["steps_hint"]) >= {"en", "zh"}
    if project.inputs is not None:
        trace = project.network.forward(project.inputs)
        assert trace.finite
        assert trace.outputs.shape[0] == project.inputs.shape[0]


def test_loading_a_scene_twice_gives_independent_projects():
    first, second = load_scene("toy-rnn"), load_scene("toy-rnn")
    first.network.params["head.W"][...] = 5.0
    first.settings["order"] = -1
    assert second.network.params["head.W"][0, 0] == 1.0
    assert second.settings["order"] == 10


@pytest.mark.parametrize("name", ["no-such-scene", "../toy-rnn", "", "TOY-RNN"])
def test_unknown_scene_names_the_available_ones(name):
    with pytest.raises(UserInputError) as info:
        load_scene(name)
    message = str(info.value)
    assert "toy-rnn" in message and "lstm-lecture" in message and "w999" in message
    assert "\n" not in message
