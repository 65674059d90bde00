package dev.beacon.stream;

import dev.beacon.config.BeaconConfig;

/** {@link ResumeContract} with history in the file store (a directory of the test server's own), direct transport. */
class ResumeFileStoreTest extends ResumeContract {

    @Override
    String transport() {
        return "direct";
    }

    @Override
    String[] storeSettings() {
        return new String[] {BeaconConfig.STORE, BeaconConfig.STORE_FILE};
    }
}
