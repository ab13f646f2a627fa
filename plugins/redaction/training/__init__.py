"""Offline training of the redaction plugin's tagger (never run by the bridge itself).

Reproduce the data files and train the tagger from the repository root (CPU, one core)::

    python -m plugins.redaction.training.wordlist       # data/stop_words.txt, lexicon.txt, lower_words.txt
    PYTHONHASHSEED=0 OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 python -m plugins.redaction.training.train \\
        --out /tmp/phi-tagger.pt     # the defaults: therapy sessions plus 30 % general sentences, ~12 min

(the tagger shipped before the general sentences existed came from ``--sessions 2500 --epochs 12
--hidden 64 --char-hidden 32 --general-share 0 --person-variety 0``).

``synth`` generates therapy sessions from ``templates`` with Faker values, each seeded with
a fake chart (so the known-identifier layer is exercised too); ``split="test"`` draws names,
places and organisations from the half of Faker's pools that training never sees, which is
what ``bench/redaction.py`` reports on; ``general`` and the general templates add
non-clinical prose to training only. Needs the ``dev`` extras (Faker) and pyspellchecker.
"""
