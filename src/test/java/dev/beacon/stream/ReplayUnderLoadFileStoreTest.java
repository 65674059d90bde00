package dev.beacon.stream;

import dev.beacon.config.BeaconConfig;

/** {@link ReplayUnderLoadContract} with history in the file store (a directory of the test server's own), direct transport. */
class ReplayUnderLoadFileStoreTest extends ReplayUnderLoadContract {

    @Override
    String transport() {
        return "direct";
    }

    @Override
    String[] storeSettings() {
        return new String[] {BeaconConfig.STORE, BeaconConfig.STORE_FILE};
    }
}
