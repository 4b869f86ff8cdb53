/**
 * The models the fakes can serve: for each, its capability, its pace (time to first token and token rate)
 * and its price.
 * <p>
 * The catalog is loaded when the world starts; while tasks are sent, the fakes pace and grade every answer by
 * the serving model's {@link dev.brownout.fakes.catalog.ModelProfile}, and afterwards the measurement prices
 * the ledgers' token counts with its {@link dev.brownout.fakes.catalog.Price}. Start from
 * {@link dev.brownout.fakes.catalog.ModelCatalog#defaults()}, or load a catalog file that extends it.
 * <p>
 * Public API. It uses {@code dev.brownout.fakes.config}; the fakes, {@code dev.brownout.scenario} and the
 * harness's measurement and run engine use it.
 */
package dev.brownout.fakes.catalog;
