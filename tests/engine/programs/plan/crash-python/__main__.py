"""A program that fails before registering anything: the plan must show this error, as `pulumi up` would."""
import pulumi  # noqa: F401

raise RuntimeError("the program's own error: no network settings given (Python)")
