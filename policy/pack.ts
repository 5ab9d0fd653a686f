// The runnable policy pack (PulumiPolicy.yaml beside it; the package's `main`): the rules of this package, composed as
// they are. Enforcement is per rule, from each rule's default, and can be changed per stack with
// `--policy-pack-config` (see README.md, "Policy pack"). Teams with a pack of their own import `rules` and
// `toPolicies` from "@apprunner-private/policy" instead.
import { PolicyPack } from "@pulumi/policy";
import { rules, toPolicies } from "./index";

new PolicyPack("apprunner-private", { policies: toPolicies(rules) });
