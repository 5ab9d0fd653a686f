// A component's refusal: the gate its children wait for, and how the component provider answers it instead.
import * as pulumi from "@pulumi/pulumi";
import { refusal } from "../errors";
import { Checks } from "../known";

/** Each component's refusal, settled once its checks have (undefined when they passed). */
const refusals = new WeakMap<pulumi.Resource, Promise<Error | undefined>>();
let refusalsAnsweredByProvider = false;

/**
 * Used by the component provider, which answers a refused component's Construct with `refusalOf` itself: the refused
 * component's children then wait forever instead of failing. Failed registrations are unhandled rejections inside
 * the SDK, and its provider server answers every Construct in flight with each one, other components' included.
 */
export function answerRefusalsInConstruct(): void {
    refusalsAnsweredByProvider = true;
}

/** The component's refusal once its checks have settled, or undefined when they passed. */
export function refusalOf(component: pulumi.Resource): Promise<Error | undefined> {
    return refusals.get(component) ?? Promise.resolve(undefined);
}

/**
 * Refuses now (the problems known at construction), else a gate every child waits for, which rejects with every
 * problem found later (or, in the component provider, never opens: see `answerRefusalsInConstruct`).
 */
export function gateOf(checks: Checks, component: pulumi.ComponentResource): pulumi.Output<never[]> {
    if (checks.now.length > 0) throw refusal(checks.now.join("\n"), component);
    const refused = checks.settled().then((problems) => (problems.length > 0 ? refusal(problems.join("\n"), component) : undefined));
    refusals.set(component, refused);
    return pulumi.output(
        refused.then((error): Promise<never[]> => {
            if (!error) return Promise.resolve([]);
            if (refusalsAnsweredByProvider) return new Promise(() => undefined);
            throw error;
        }),
    );
}
