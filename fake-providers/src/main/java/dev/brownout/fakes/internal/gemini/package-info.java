/**
 * Google's Gemini API as a fake provider speaks it: {@code generateContent} and {@code streamGenerateContent}
 * ({@code alt=sse}) with the model in the path, function calling, usage metadata, Google's error bodies with
 * {@code RetryInfo}. Pacing, faults, auth and the ledger are the shared endpoint's.
 */
package dev.brownout.fakes.internal.gemini;
