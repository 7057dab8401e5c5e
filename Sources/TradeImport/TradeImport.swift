import TradeModel

/// Importers of official trade statistics into a dataset.
public enum TradeImport {}
