"""Build hook: ship the top-level ontology/ and queries/ folders inside the package (kg/_shipped/),
so that a non-editable install finds the shapes, the reference data and the named queries.
Everything else about the build is in pyproject.toml."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        for name in ("ontology", "queries"):
            target = Path(self.build_lib) / "kg" / "_shipped" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(ROOT / name, target)


setup(cmdclass={"build_py": BuildWithData})
