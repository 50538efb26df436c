"""Write the door screen's verdict sounds (boxoffice/resources/sounds/*.wav): short, distinct tones
generated here, so the project carries no third-party audio.

* ``admit.wav``: two rising tones (pleasant, "go");
* ``refuse.wav``: a low double buzz ("stop": already admitted, void, not valid);
* ``attention.wav``: one middle tone ("look": wrong showtime, too early, not inside).

    .venv/bin/python tools/make_door_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parents[1] / "boxoffice" / "resources" / "sounds"


def tone(freq: float, ms: int, *, volume: float = 0.5, square: float = 0.0) -> list[float]:
    """A tone of ``freq`` Hz for ``ms`` milliseconds with 8 ms fades (no clicks);
    ``square`` mixes in odd harmonics for a buzzier sound."""
    n = int(RATE * ms / 1000)
    fade = int(RATE * 0.008)
    out = []
    for i in range(n):
        t = i / RATE
        s = math.sin(2 * math.pi * freq * t)
        if square:
            s += square * (math.sin(2 * math.pi * 3 * freq * t) / 3 + math.sin(2 * math.pi * 5 * freq * t) / 5)
        env = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(volume * env * s / (1 + square * 0.6))
    return out


def silence(ms: int) -> list[float]:
    return [0.0] * int(RATE * ms / 1000)


def write(name: str, samples: list[float]) -> Path:
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples))
    return path


def main() -> None:
    write("admit.wav", tone(880, 110) + tone(1320, 160))
    write("refuse.wav", tone(196, 170, square=1.0) + silence(60) + tone(196, 230, square=1.0))
    write("attention.wav", tone(660, 220, volume=0.45))
    for path in sorted(OUT.glob("*.wav")):
        print(f"{path.relative_to(OUT.parents[1])}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
