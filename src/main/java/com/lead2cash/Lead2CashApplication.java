package com.lead2cash;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lead2Cash — SOP-driven sales management from lead to cash (线索到回款). */
@SpringBootApplication
public class Lead2CashApplication {

    public static void main(String[] args) {
        SpringApplication.run(Lead2CashApplication.class, args);
    }
}
