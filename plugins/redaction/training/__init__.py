"""Offline training of the redaction plugin's tagger (never run by the bridge itself).

Reproduce the shipped files from the repository root (CPU, ~15 minutes, one core)::

    python -m plugins.redaction.training.wordlist       # data/stop_words.txt, lexicon.txt, lower_words.txt
    OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 python -m plugins.redaction.training.train \\
        --sessions 2500 --epochs 12 --hidden 64 --char-hidden 32   # model/phi-tagger.pt

``synth`` generates therapy sessions from ``templates`` with Faker values, each seeded with
a fake chart (so the known-identifier layer is exercised too); ``split="test"`` draws names,
places and organisations from the half of Faker's pools that training never sees, which is
what ``bench/redaction.py`` reports on. Needs the ``dev`` extras (Faker) and pyspellchecker.
"""
