"""Package discovery: everything under src/, plus the top-level templates/ folder as cecli.templates."""

from setuptools import find_packages, setup

packages = find_packages("src") + ["cecli.templates"]
package_dir = {"": "src", "cecli.templates": "templates"}
setup(packages=packages, package_dir=package_dir)
