// The policy pack: the rules in sdk/policy, composed as they are. Enforcement is per rule, from each rule's
// default, and can be changed per stack with `--policy-pack-config` (see README.md, "Policy pack").
import { PolicyPack } from "@pulumi/policy";
import { rules, toPolicies } from "../sdk/policy";

new PolicyPack("apprunner-private", { policies: toPolicies(rules) });
