// A program that fails before registering anything: the plan must show this error, as `pulumi up` would.
require("@pulumi/pulumi");

throw new Error("the program's own error: no network settings given (Node.js)");
