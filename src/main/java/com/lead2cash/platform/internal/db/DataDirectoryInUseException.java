package com.lead2cash.platform.internal.db;

import java.nio.file.Path;

/** Another running application holds the embedded database's data directory. */
class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path dataDir;
    private final transient Path lockFile;

    DataDirectoryInUseException(Path dataDir, Path lockFile) {
        super("The embedded database directory " + dataDir.toAbsolutePath() + " is in use by another running "
                + "Lead2Cash (it holds " + lockFile + "). Two applications never share one data directory.");
        this.dataDir = dataDir;
        this.lockFile = lockFile;
    }

    Path dataDir() {
        return dataDir;
    }

    Path lockFile() {
        return lockFile;
    }
}
