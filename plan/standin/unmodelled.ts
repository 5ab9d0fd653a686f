// AWS types the model does not know, for the plan (APPRUNNER_STANDIN_UNMODELLED=generic): created generically, with an
// id and an ARN and the program's inputs as their state, so that a program using them (an IAM role, an S3 bucket) can
// still be planned; the plan lists them as not modelled. Nothing of them reaches the account: AWS's rules for these
// types are not checked. Only what a plan calls is served (Check, Diff, Create): a refresh, update, delete or import of
// them is refused as before. Without the variable, the stand-in refuses them (tests must not pass a type by accident).
import { randomBytes } from "node:crypto";
import { ACCOUNT_ID } from "../aws";

export const passThroughUnmodelled = () => process.env.APPRUNNER_STANDIN_UNMODELLED === "generic";

/** `aws:iam/role:Role` → `iam` and `role`. */
function parts(token: string): { service: string; resource: string } {
    const module = token.split(":")[1] ?? "";
    const [service, resource = module] = module.split("/");
    return { service, resource: resource.toLowerCase() };
}

export const generic = {
    create(token: string, inputs: Record<string, unknown>, region: string): { id: string; state: Record<string, unknown> } {
        const { service, resource } = parts(token);
        const id = `${resource}-${randomBytes(9).toString("hex").slice(0, 17)}`;
        return { id, state: { ...inputs, arn: `arn:aws:${service}:${region}:${ACCOUNT_ID}:${resource}/${id}` } };
    },
    /** The keys whose value changed, compared as JSON. */
    diff(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
        const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((k) => k !== "arn" && k !== "__defaults"));
        return [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    },
};
